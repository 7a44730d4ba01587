import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TaxonomyDocument, TopicLabel, TopicNode } from '@hotline/taxonomy';

export class TopicLabelView implements TopicLabel {
  @ApiProperty({ name: 'zh-CN' }) 'zh-CN'!: string;
  @ApiProperty() en!: string;
}

export class TopicNodeView implements TopicNode {
  @ApiProperty({ description: "Stable key; a sub-topic's is `<top-level key>.<name>`" })
  key!: string;
  @ApiProperty({ type: TopicLabelView }) label!: TopicLabelView;
  @ApiPropertyOptional({ description: 'Child Helpline International category (top level)' })
  chi?: string;
  @ApiPropertyOptional({ description: 'Key pressed in the phone menu (top level)' })
  menu?: number;
  @ApiPropertyOptional({ type: () => [TopicNodeView] }) children?: TopicNodeView[];
}

export class TaxonomyView implements TaxonomyDocument {
  @ApiProperty() version!: number;
  @ApiProperty({ type: [TopicNodeView] }) topics!: TopicNodeView[];
}
