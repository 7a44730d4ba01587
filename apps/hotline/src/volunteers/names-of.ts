import { In, Repository } from 'typeorm';
import type { Volunteer } from './volunteer.entity';

/** The names of the people a page mentions (who wrote, who took it), read in one query. */
export async function namesOf(
  people: Repository<Volunteer>,
  ids: (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const found = await people.find({ where: { id: In(wanted) }, select: { id: true, name: true } });
  return new Map(found.map((person) => [person.id, person.name]));
}
