import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The lease epoch of the routing leader that wrote last (one row per deployment, id
 * `routing`). A write of a routing step raises it to the writer's epoch, or is refused when it
 * is already higher: a leader that lost its lease to another cannot write any more.
 */
@Entity({ name: 'routing_epoch' })
export class RoutingEpoch {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id!: string;

  @Column({ type: 'integer' })
  epoch!: number;
}
