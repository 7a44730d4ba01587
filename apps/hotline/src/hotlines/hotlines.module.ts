import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallsModule } from '../calls/calls.module';
import { Hotline } from './hotline.entity';
import { HotlinesController } from './hotlines.controller';
import { HotlinesService } from './hotlines.service';

@Module({
  imports: [TypeOrmModule.forFeature([Hotline]), CallsModule],
  controllers: [HotlinesController],
  providers: [HotlinesService],
  exports: [HotlinesService],
})
export class HotlinesModule {}
