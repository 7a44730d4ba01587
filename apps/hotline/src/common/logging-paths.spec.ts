import { loggablePath } from './logging';

describe('loggablePath', () => {
  const token = 'q3Zr8yJ0c1mUu6B2h9kL0pXw4sT7vN5aE1dF3gH6iK8';

  it('shows a manage link, an offer and a calendar feed as their route, never the token', () => {
    expect(loggablePath(`/api/public/bookings/${token}`)).toBe('/api/public/bookings/:token');
    expect(loggablePath(`/api/public/bookings/${token}/reschedule`)).toBe(
      '/api/public/bookings/:token/reschedule',
    );
    expect(loggablePath(`/api/public/bookings/short`)).toBe('/api/public/bookings/:token');
    expect(loggablePath(`/api/public/offers/${token}/accept`)).toBe(
      '/api/public/offers/:token/accept',
    );
    expect(loggablePath(`/calendar/${token}.ics?x=1`)).toBe('/calendar/:token.ics');
  });

  it('keeps ordinary paths and record ids, and hides any other long random segment', () => {
    expect(loggablePath('/api/public/bookings')).toBe('/api/public/bookings');
    expect(loggablePath('/api/volunteers/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b?q=x')).toBe(
      '/api/volunteers/6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
    );
    expect(loggablePath('/console/assets/index-Dx1.js')).toBe('/console/assets/index-Dx1.js');
    expect(loggablePath(`/book/${token}`)).toBe('/book/:token');
  });
});
