import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Hotline } from './hotline.entity';
import { HotlineDirectory } from './hotline-directory';
import { HotlinesController } from './hotlines.controller';
import { HotlinesService } from './hotlines.service';

@Module({
  imports: [TypeOrmModule.forFeature([Hotline])],
  controllers: [HotlinesController],
  providers: [HotlinesService, HotlineDirectory],
  exports: [HotlinesService, HotlineDirectory],
})
export class HotlinesModule {}
