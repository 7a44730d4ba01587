import { AuditEvent } from '../audit/audit-event.entity';
import { Hotline } from '../hotlines/hotline.entity';
import { Volunteer } from '../volunteers/volunteer.entity';

/** Every entity, listed explicitly (globs break between ts-jest and the compiled build). */
export const ENTITIES = [AuditEvent, Hotline, Volunteer];
