import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles, SignedIn, SignedInRoutes } from '../auth/access.decorators';
import { IdParam } from '../common/id.pipe';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { CallerBlocks, mayBlock } from './caller-blocks.service';
import { CallerProfiles } from './caller-profiles.service';
import { CallerRef, CallerSubjects } from './caller-subjects';
import {
  BlockAndHangUpView,
  BlockDto,
  BlockView,
  BlocksQuery,
  CallerProfileView,
  ProfileChangesDto,
  blockView,
} from './dto/callers.dto';

/**
 * Supervisors' tools against abusive, silent and prank callers: the block list, and a profile
 * per caller, reached through one of the caller's calls or contact records (never a number).
 */
@ApiTags('callers')
@SignedInRoutes()
@Controller('api')
@ApiNotFoundResponse({ description: 'No such call, record or block on a hotline you supervise' })
export class CallersController {
  constructor(
    private readonly subjects: CallerSubjects,
    private readonly blocks: CallerBlocks,
    private readonly profiles: CallerProfiles,
  ) {}

  @Post('calls/:id/block')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Block and hang up: blocks the call's caller and ends the call (audited)",
  })
  @ApiOkResponse({ type: BlockAndHangUpView })
  @ApiForbiddenResponse({ description: 'A permanent block needs an admin' })
  @ApiUnprocessableEntityResponse({ description: 'The caller withheld their number' })
  async blockCall(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call')) callId: string,
    @Body() dto: BlockDto,
  ): Promise<BlockAndHangUpView> {
    const subject = await this.subjects.of(actor, { callId }, mayBlock);
    const { block, hungUp } = await this.blocks.blockAndHangUp(
      actor,
      { ...subject, call: subject.call! },
      dto,
    );
    return { ...blockView(block), hungUp };
  }

  @Post('contacts/:id/block')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Blocks the caller of a contact record (audited)' })
  @ApiOkResponse({ type: BlockView })
  @ApiForbiddenResponse({ description: 'A permanent block needs an admin' })
  @ApiUnprocessableEntityResponse({ description: 'The caller withheld their number' })
  async blockContact(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('contact')) contactId: string,
    @Body() dto: BlockDto,
  ): Promise<BlockView> {
    const subject = await this.subjects.of(actor, { contactId }, mayBlock);
    return blockView(await this.blocks.block(actor, subject, dto));
  }

  @Get('caller-blocks')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'The blocks in force on a hotline (no numbers)' })
  @ApiOkResponse({ type: [BlockView] })
  async list(@SignedIn() actor: Volunteer, @Query() query: BlocksQuery): Promise<BlockView[]> {
    return (await this.blocks.list(actor, query.hotlineId)).map(blockView);
  }

  @Delete('caller-blocks/:id')
  @Roles('supervisor', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift a block before its expiry (audited)' })
  @ApiNoContentResponse()
  unblock(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('block')) blockId: string,
  ): Promise<void> {
    return this.blocks.unblock(actor, blockId);
  }

  @Get('calls/:id/caller')
  // The guidance is confidential: supervisors only.
  @Roles('supervisor')
  @ApiOperation({
    summary: "The call's caller profile: contacts by type, flags, guidance, block (audited)",
  })
  @ApiOkResponse({ type: CallerProfileView })
  callProfile(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call')) callId: string,
  ): Promise<CallerProfileView> {
    return this.profile(actor, { callId });
  }

  @Get('contacts/:id/caller')
  @Roles('supervisor')
  @ApiOperation({ summary: "The record's caller profile (audited)" })
  @ApiOkResponse({ type: CallerProfileView })
  contactProfile(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('contact')) contactId: string,
  ): Promise<CallerProfileView> {
    return this.profile(actor, { contactId });
  }

  @Put('calls/:id/caller')
  @Roles('supervisor')
  @ApiOperation({ summary: "Set the call's caller flags and guidance note (audited)" })
  @ApiOkResponse({ type: CallerProfileView })
  updateCallProfile(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('call')) callId: string,
    @Body() dto: ProfileChangesDto,
  ): Promise<CallerProfileView> {
    return this.update(actor, { callId }, dto);
  }

  @Put('contacts/:id/caller')
  @Roles('supervisor')
  @ApiOperation({ summary: "Set the record's caller flags and guidance note (audited)" })
  @ApiOkResponse({ type: CallerProfileView })
  updateContactProfile(
    @SignedIn() actor: Volunteer,
    @Param('id', IdParam('contact')) contactId: string,
    @Body() dto: ProfileChangesDto,
  ): Promise<CallerProfileView> {
    return this.update(actor, { contactId }, dto);
  }

  private async profile(actor: Volunteer, ref: CallerRef): Promise<CallerProfileView> {
    return this.profiles.view(actor, await this.subjects.of(actor, ref));
  }

  private async update(
    actor: Volunteer,
    ref: CallerRef,
    dto: ProfileChangesDto,
  ): Promise<CallerProfileView> {
    return this.profiles.update(actor, await this.subjects.of(actor, ref), dto);
  }
}
