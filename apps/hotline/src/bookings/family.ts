import { invalidFields } from '../common/validation';
import { BookingLanguage } from './booking.entity';
import { parsePhone } from './dto/booking.dto';

/** Who a session or a place in the waitlist is for, as the parent (or staff) gave it. */
export interface Family {
  topic: string;
  parentName: string;
  phone: string;
  description?: string | null;
  childAgeBand?: string | null;
  childGrade?: string | null;
  language: BookingLanguage;
}

/** The family of a request, with the phone in the form texts are sent to (400 otherwise). */
export function familyOf(
  dto: Omit<Family, 'phone'> & { description?: string | null },
  phone: string,
): Family {
  const parsed = parsePhone(phone);
  if (!parsed) throw invalidFields({ phone: ['phone must be a phone number we can text'] });
  return {
    topic: dto.topic,
    parentName: dto.parentName,
    phone: parsed,
    description: dto.description ?? null,
    childAgeBand: dto.childAgeBand ?? null,
    childGrade: dto.childGrade ?? null,
    language: dto.language,
  };
}
