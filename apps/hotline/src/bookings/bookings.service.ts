/**
 * Bookings are split into parts, each its own service (see docs/bookings.md): `SlotPlan`,
 * `TimeClaims`, `FamilyBookings`, `Waitlist`, `WaitlistOffers`, `Desk` and `Attendance`.
 * The old name stays for callers that run the waitlist's job by hand.
 */
export { WaitlistOffers as BookingsService } from './waitlist-offers';
