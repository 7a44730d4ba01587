/**
 * Generated from the hotline server's API document (/api/docs-json) by openapi-typescript:
 * do not edit. Regenerate with `npm run api:types`; libs/api-types/src/openapi.spec.ts fails
 * while this file differs from the document.
 */

export interface paths {
  '/api/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per person: shifts, attended, late, no-shows */
    get: operations['ShiftsController_attendanceReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who read or changed confidential records, from where, newest first
     * @description Admins see every event; supervisors see their hotlines' events.
     */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with email and password; returns an access token */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out everywhere: every access token you hold stops working, open consoles close */
    post: operations['AuthController_signOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Experts’ weekly windows and dated changes */
    get: operations['BookingsController_availability'];
    put?: never;
    /** Add an expert’s weekly window (local times) */
    post: operations['BookingsController_addWeekly'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/availability/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a weekly window (bookings made stay) */
    delete: operations['BookingsController_removeWeekly'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/availability/dates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A dated change: an expert’s hours that day, their day off, or the centre closed */
    post: operations['BookingsController_addDated'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/availability/dates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a dated change */
    delete: operations['BookingsController_removeDated'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/booking-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The hotline’s booking rules and centre address */
    get: operations['BookingsController_settings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change booking rules (session, buffer, notice, horizon, cut-off, hold) */
    patch: operations['BookingsController_changeSettings'];
    trace?: never;
  };
  '/api/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bookings of a local date (a volunteer: those where they are the expert) */
    get: operations['BookingsController_day'];
    put?: never;
    /** Book a session for a caller (a volunteer: for the caller of their call, by callId) */
    post: operations['BookingsController_book'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One booking with the family’s phone and description (audited) */
    get: operations['BookingsController_one'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The family came (opens a face-to-face contact record to complete) or did not */
    post: operations['BookingsController_attendance'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-attempts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A call-back, as it stands */
    get: operations['CallbackDeskController_attempt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-attempts/{id}/wrap-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the call-back that reached someone (channel phone, outbound); ends your wrap-up. contactType wrong_number: someone else answered */
    post: operations['CallbackDeskController_wrapUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The call-back list, filtered, a page at a time (a volunteer: those assigned to them) */
    get: operations['CallbackDeskController_page'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-requests/{id}/assignee': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Give a call-back to a volunteer or supervisor (null: to nobody) */
    put: operations['CallbackDeskController_assign'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-requests/{id}/attempts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The call-backs made for a request, newest first */
    get: operations['CallbackDeskController_attemptsOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-requests/{id}/call-back': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Call the caller back: your phone or browser rings first, then the caller, from the hotline’s number */
    post: operations['CallbackDeskController_callBack'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-requests/{id}/done': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a call-back by hand (called back by other means, the caller rang again) */
    post: operations['CallbackDeskController_done'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-requests/{id}/message': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Play a caller's message (MP3, streamed from Twilio; audited) */
    get: operations['CallbackDeskController_message'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-requests/{id}/text': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a message left on the chat page (audited) */
    get: operations['CallbackDeskController_text'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/callback-requests/assignees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who a call-back may be assigned to: volunteers and supervisors */
    get: operations['CallbackDeskController_assignees'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/caller-blocks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The blocks in force on a hotline (no numbers) */
    get: operations['CallersController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/caller-blocks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Lift a block before its expiry (audited) */
    delete: operations['CallersController_unblock'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/block': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Block and hang up: blocks the call's caller and ends the call (audited) */
    post: operations['CallersController_blockCall'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/caller': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The call's caller profile: contacts by type, flags, guidance, block (audited) */
    get: operations['CallersController_callProfile'];
    /** Set the call's caller flags and guidance note (audited) */
    put: operations['CallersController_updateCallProfile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/caller-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every contact with this call's caller (same number), newest first */
    get: operations['ContactsController_callerHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/colleagues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whom you may transfer your caller to (warm): those available on its hotline now */
    get: operations['InCallController_colleagues'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/crisis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Crisis now: open the crisis case of the call you are in and alert the supervisors
     * @description Risk imminent, you as its author; the supervisors on duty get a console alarm (crisis_now, offering to join the call) and an SMS. Pressing it again returns the same case.
     */
    post: operations['CallCrisisController_crisisNow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The call's contact draft: its volunteer's, or a supervisor's (read audited) */
    get: operations['ContactsController_draft'];
    /**
     * Save the contact record as typed so far during the call (replaces the draft)
     * @description Every field optional; notes encrypted. The draft becomes the record when the call ends and goes once the wrap-up is written.
     */
    put: operations['ContactsController_saveDraft'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/hold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The volunteer holds the caller (hold music) or takes them back */
    post: operations['InCallController_hold'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The call you are in, as the live call panel shows it */
    get: operations['InCallController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/monitor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Join the call (your softphone or phone rings) to listen, whisper to the volunteer or barge in; again to switch modes (audited) */
    post: operations['InCallController_join'];
    /** Leave the call you joined; the volunteer goes on (audited) */
    delete: operations['InCallController_leave'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/mute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The volunteer mutes or unmutes themself */
    post: operations['InCallController_mute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/take-over': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The supervisor in the call takes it over: the volunteer leaves into wrap-up, the call and its contact record are yours (audited) */
    post: operations['InCallController_takeOver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cold: the volunteer sends the caller back to the queue for a topic, keeping the caller's priority and place, and goes into wrap-up (no body). Warm: the caller on hold, the colleague is rung into the call to talk with you first (audited) */
    post: operations['InCallController_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/transfer/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Warm transfer: take the caller back; the colleague leaves the call (audited) */
    post: operations['InCallController_cancelTransfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/transfer/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Warm transfer: hand the caller over to the colleague; the call and its contact record are theirs, you leave into wrap-up (audited) */
    post: operations['InCallController_completeTransfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calls/{id}/wrap-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the contact of the call you answered; ends your wrap-up
     * @description primaryTopic, riskLevel and outcome are required. Risk high or imminent opens a crisis case.
     */
    post: operations['ContactsController_wrapUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chats/{id}/block': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Block the writer's device (a keyed hash, never stored in the clear) and end the chat */
    post: operations['ChatsController_block'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chats/{id}/transcript': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A chat's messages, for its volunteer or a supervisor of its hotline (audited) */
    get: operations['ChatsController_transcript'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/chats/{id}/wrap-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the contact of a chat you answered (channel online, its transcript attached); frees its place */
    post: operations['ChatContactsController_wrapUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Contact records, newest first, without notes
     * @description Volunteers see their own; supervisors, coordinators and admins see their hotlines' records.
     */
    get: operations['ContactsController_list'];
    put?: never;
    /**
     * Record a face-to-face or online consultation
     * @description A coordinator or supervisor may give volunteerId to enter it on their behalf.
     */
    post: operations['ContactsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/contacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One record; notes only to its volunteer and supervisors (read audited) */
    get: operations['ContactsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Complete or correct a record (its volunteer or a supervisor) */
    patch: operations['ContactsController_update'];
    trace?: never;
  };
  '/api/contacts/{id}/block': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Blocks the caller of a contact record (audited) */
    post: operations['CallersController_blockContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/contacts/{id}/caller': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The record's caller profile (audited) */
    get: operations['CallersController_contactProfile'];
    /** Set the record's caller flags and guidance note (audited) */
    put: operations['CallersController_updateContactProfile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Needed against signed-up people per shift, the gaps, the gap score */
    get: operations['ShiftsController_coverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge a crisis alert: it leaves every supervisor’s wall and stops ringing */
    post: operations['CrisisAlertsController_acknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Crisis cases you work on, newest first; ?overdue=true: reports past due
     * @description Supervisors: every case of their hotlines; volunteers: the cases of their own calls and records. Page with limit and offset.
     */
    get: operations['CrisisCasesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One case with its report, referral and follow-ups (read audited) */
    get: operations['CrisisCasesController_detail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-cases/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close the case (its report must be filed) */
    post: operations['CrisisCasesController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-cases/{id}/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add what was done or learnt since */
    post: operations['CrisisCasesController_followUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-cases/{id}/referral': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Refer the case to a partner hospital or service */
    put: operations['CrisisCasesController_refer'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-cases/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** File the written report (due 12 hours after opening) */
    put: operations['CrisisCasesController_report'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-cases/{id}/report-draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Save the written report as drafted so far, without filing it
     * @description Encrypted like the report; whoever files it later finds it in the case.
     */
    put: operations['CrisisCasesController_reportDraft'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/crisis-cases/{id}/take': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take responsibility for the case as its supervisor */
    post: operations['CrisisCasesController_take'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hotlines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The hotlines you work for (every hotline for an admin) */
    get: operations['HotlinesController_list'];
    put?: never;
    /** Add a hotline (a city or a school line of a province deployment) */
    post: operations['HotlinesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hotlines/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A hotline and its settings */
    get: operations['HotlinesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change settings: hours, closures, closed message, routing, prompts
     * @description A coordinator changes the settings of their hotlines' evenings; the name, number, time zone, language and two-factor rule take an admin (403).
     */
    patch: operations['HotlinesController_update'];
    trace?: never;
  };
  '/api/hotlines/{id}/note-retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How long confidential notes and numbers are kept */
    get: operations['NoteRetentionController_get'];
    /**
     * Set how long confidential notes and numbers are kept
     * @description An hourly job clears them past it; the anonymous fields stay for statistics.
     */
    put: operations['NoteRetentionController_set'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hotlines/{id}/review-sampling': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The share of other consultations sampled into the review queue */
    get: operations['ReviewSamplingController_get'];
    /**
     * Set the share sampled into the review queue (0 to 100 percent)
     * @description Applies to records written from now on. High-risk consultations and those of trainees are always reviewed.
     */
    put: operations['ReviewSamplingController_set'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hotlines/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Is the hotline open now, and when is the current or next opening */
    get: operations['HotlinesController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check (mode=dry-run) or import (mode=commit) a CSV or XLSX of earlier years
     * @description A commit adds everything or nothing; rows imported before (same source and row key) are left out.
     */
    post: operations['ImportsController_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/progress/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How far your commit with this progressKey is */
    get: operations['ImportsController_progressOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/template': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An empty CSV with the columns of an import, in Chinese or English */
    get: operations['ImportsController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your own profile */
    get: operations['MeController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change your name, phone, languages or how calls reach you */
    patch: operations['MeController_update'];
    trace?: never;
  };
  '/api/me/calendar-feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A private calendar address of your shifts (replaces the old one) */
    post: operations['ShiftsController_createFeed'];
    /** Stop your calendar address from working */
    delete: operations['ShiftsController_revokeFeed'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/offer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The call ringing on your console now; 204 when none */
    get: operations['CallsController_offer'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change your password (needs the current one) */
    put: operations['MeController_changePassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/presence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Go available, on break or offline (available on one hotline at a time) */
    put: operations['CallsController_presence'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Feedback on your own records: reviews a supervisor has written on (read audited) */
    get: operations['ReviewsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/shifts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your shifts, from a month ago on */
    get: operations['ShiftsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/two-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start two-factor sign-in: a new TOTP secret for your authenticator app, in force once a first code confirms it */
    post: operations['TwoFactorController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/two-factor/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm with the first code from your app: two-factor sign-in is on from now; returns a full access token */
    post: operations['TwoFactorController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/offers/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take the call: Twilio connects the caller to you */
    post: operations['CallsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/offers/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pass the call on; you go to "missed" until you are available again */
    post: operations['CallsController_decline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/partners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Partner hospitals and services of your hotlines */
    get: operations['PartnersController_list'];
    put?: never;
    /** Add a partner hospital or service */
    post: operations['PartnersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/partners/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a partner, or retire it (active: false) */
    patch: operations['PartnersController_update'];
    trace?: never;
  };
  '/api/public/booking-options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the booking page shows: centre, rules, topics, age bands */
    get: operations['PublicBookingsController_options'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Book a session; the answer carries the manage link (shown once) */
    post: operations['PublicBookingsController_book'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/bookings/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A booking, by its manage token */
    get: operations['PublicBookingsController_managed'];
    put?: never;
    post?: never;
    /** Cancel (until the change cut-off) */
    delete: operations['PublicBookingsController_cancel'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/bookings/{token}/reschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move to another free time; the old token stops working */
    post: operations['PublicBookingsController_reschedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/chat-messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Leave a message instead of a chat (it joins the hotline's call-back list) */
    post: operations['PublicChatsController_leave'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/chats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a live chat: it joins the queue; connect to /chat with the token it gives */
    post: operations['PublicChatsController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/hotline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the chat page shows first: the hotline, open now or not, its hours and menu */
    get: operations['PublicChatsController_hotline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/offers/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A time held for you from the waitlist */
    get: operations['PublicBookingsController_offer'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/offers/{token}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Book the held time */
    post: operations['PublicBookingsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Free session times of local dates (at most 31 days) */
    get: operations['PublicBookingsController_slots'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/waitlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Wait for a time on a day; a freed time is offered by text */
    post: operations['PublicBookingsController_joinWaitlist'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The live queue and every volunteer on duty (no caller numbers) */
    get: operations['CallsController_queue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The hotline's review queue, a page at a time (read audited)
     * @description High-risk consultations, those of trainees, and a sample of the rest; not your own. Without status: every review.
     */
    get: operations['ReviewsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One review: the record with its notes, what was written, what you may do
     * @description Its supervisors, and its volunteer once there is feedback. Read audited.
     */
    get: operations['ReviewsController_detail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{id}/answers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Answer the feedback on your own record (confidential)
     * @description An answer to a verdict puts the review back in the supervisors’ queue.
     */
    post: operations['ReviewsController_answer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Comment on the record without a verdict (confidential) */
    post: operations['ReviewsController_comment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{id}/request-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the volunteer for changes, saying which (confidential) */
    post: operations['ReviewsController_requestChanges'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{id}/sign-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign the record off, with a word if you like (confidential) */
    post: operations['ReviewsController_signOff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rooms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rooms of the guidance centre */
    get: operations['BookingsController_rooms'];
    put?: never;
    /** Add a room */
    post: operations['BookingsController_createRoom'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rooms/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a room, or take it out of use (active: false) */
    patch: operations['BookingsController_updateRoom'];
    trace?: never;
  };
  '/api/shift-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The repeating shifts of a hotline */
    get: operations['ShiftsController_templates'];
    put?: never;
    /** Add a repeating shift (local times, weekdays, headcount) */
    post: operations['ShiftsController_createTemplate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shift-templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a template (shifts already generated keep theirs) */
    patch: operations['ShiftsController_updateTemplate'];
    trace?: never;
  };
  '/api/shifts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shifts of local dates, with who is on them */
    get: operations['ShiftsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change how many people a shift needs */
    patch: operations['ShiftsController_change'];
    trace?: never;
  };
  '/api/shifts/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a shift (it stays, marked cancelled, in calendars) */
    post: operations['ShiftsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/{id}/signups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign up (or, coordinators, sign someone up) for a shift */
    post: operations['ShiftsController_signUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/{id}/signups/{volunteerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraw (yourself until the cut-off; coordinators anyone, any time) */
    delete: operations['ShiftsController_withdraw'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/{id}/signups/{volunteerId}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Correct whether someone came (and how late) */
    put: operations['ShiftsController_correct'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shifts/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create the shifts the templates plan for local dates (at most 92 days) */
    post: operations['ShiftsController_generate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stats/monthly': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One calendar month in the hotline’s time zone */
    get: operations['StatsController_monthly'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stats/range': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Local days from `from` to `to`, both included */
    get: operations['StatsController_range'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stats/yearly': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One calendar year in the hotline’s time zone */
    get: operations['StatsController_yearly'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/taxonomy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The topic tree for menus, contact records and statistics (zh-CN and en labels, CHI mapping) */
    get: operations['TaxonomyController_taxonomy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/training-calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ring a practice call on one available volunteer: no telephony, no statistics, marked training */
    post: operations['TrainingCallsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/training-calls/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A practice call: its state and what the caller says */
    get: operations['TrainingCallsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/training-calls/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The practice caller hangs up; the volunteer is free again at once */
    post: operations['TrainingCallsController_end'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The units you may see (all for an admin), top first */
    get: operations['UnitsController_list'];
    put?: never;
    /** Add a unit under another */
    post: operations['UnitsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a unit, or move it with everything below it */
    patch: operations['UnitsController_update'];
    trace?: never;
  };
  '/api/units/{id}/crisis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open crisis cases and overdue reports per child unit (counts only) */
    get: operations['UnitStatsController_crisis'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{id}/hotlines/{hotlineId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Move a hotline into this unit */
    put: operations['UnitsController_moveHotline'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{id}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give a person a role at this unit: they act on its whole subtree */
    post: operations['UnitsController_grant'];
    /** Take a role at this unit away */
    delete: operations['UnitsController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{id}/stats/monthly': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A unit's calendar month, its subtree summed */
    get: operations['UnitStatsController_monthly'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{id}/stats/range': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A unit's local days from `from` to `to`, its subtree summed */
    get: operations['UnitStatsController_range'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/units/{id}/stats/yearly': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A unit's calendar year, its subtree summed */
    get: operations['UnitStatsController_yearly'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/voice/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An access token for the browser softphone (@twilio/voice-sdk) */
    get: operations['VoiceTokenController_token'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Volunteers of the hotlines you work for (all hotlines for an admin) */
    get: operations['VolunteersController_list'];
    put?: never;
    /** Add a volunteer, supervisor, coordinator or admin */
    post: operations['VolunteersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One volunteer, with their phone number (the read is audited) */
    get: operations['VolunteersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a profile, roles, hotlines; active=false deactivates (nothing is deleted) */
    patch: operations['VolunteersController_update'];
    trace?: never;
  };
  '/api/volunteers/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a new password for someone who forgot theirs */
    put: operations['VolunteersController_resetPassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/volunteers/{id}/presence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** A supervisor sets a volunteer of their hotline available, on break or offline */
    put: operations['CallsController_moveVolunteer'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/calendar/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A person’s shifts as iCalendar (GET /calendar/<token>.ics) */
    get: operations['CalendarFeedController_feed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and database check, for load balancers and monitors */
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/sms/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A text’s delivery status; a failed one flags the booking needsCall */
    post: operations['SmsStatusController_status'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The caller pressed 1 to be called back */
    post: operations['VoiceWebhooksController_callback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/callback-desk/caller': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The caller's phone picked up (AnsweredBy: machine detection): a person joins the volunteer, a voicemail is hung up on */
    post: operations['CallbackWebhooksController_caller'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/callback-desk/leg': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A call-back leg's status callback (leg=volunteer or caller): how it ended */
    post: operations['CallbackWebhooksController_legEnded'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/callback-desk/volunteer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A call-back's volunteer leg: a phone's screen (press 1, step=key), a browser joining (step=join), or how it ended (step=over) */
    post: operations['CallbackWebhooksController_volunteer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/choice': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Instead of holding: 1 to leave a message, 2 to be called back (with caller id) */
    post: operations['VoiceWebhooksController_choice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/conference': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The call's conference status callback (StatusCallbackEvent): who joined or left, and its end */
    post: operations['VoiceWebhooksController_conferenceEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/conference/leg': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A volunteer's or supervisor's leg ended (call status callback); never answered: the caller goes back to their place */
    post: operations['VoiceWebhooksController_legEnded'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/connect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rings the volunteer who accepted the call; the caller waits in the call's conference */
    post: operations['VoiceWebhooksController_connect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/dial-result': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The caller's conference ended: answered, the call's talk ends; unanswered, back to the queue, same place */
    post: operations['VoiceWebhooksController_dialResult'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/incoming': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A call arrives: hours check, then the caller menu */
    post: operations['VoiceWebhooksController_incoming'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/ladder/caller': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The crisis caller joins the supervisor's conference */
    post: operations['LadderWebhooksController_caller'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/ladder/forward': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The crisis caller nobody took is dialled through to the crisis line */
    post: operations['LadderWebhooksController_forward'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/ladder/supervisor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A supervisor answered the ladder: a crisis caller waits, press 1 */
    post: operations['LadderWebhooksController_supervisor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/ladder/take': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The supervisor's key: 1 takes the caller, if nobody else has */
    post: operations['LadderWebhooksController_take'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/menu': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A menu choice (step=caller or step=topic); 9 means "I am in danger now" */
    post: operations['VoiceWebhooksController_menu'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/queue-result': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The caller left the Twilio queue (QueueResult) */
    post: operations['VoiceWebhooksController_queueResult'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/recorded': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The caller's message ended (<Record> action): thanks and goodbye */
    post: operations['VoiceWebhooksController_recorded'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/recording': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Recording status callback: the caller's message is kept (its audio stays at Twilio) */
    post: operations['VoiceWebhooksController_recording'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/screen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The volunteer's leg picked up: a phone presses 1 to join the caller's conference (step=key: the key pressed); a softphone joins at once (step=join) */
    post: operations['VoiceWebhooksController_screen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Call status callback: the call ended (completed, canceled, ...) */
    post: operations['VoiceWebhooksController_status'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/wait': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hold message while queued: position and expected wait */
    post: operations['VoiceWebhooksController_wait'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/twilio/voice/wait-choice': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A key pressed while holding: 1 a message, 2 a call-back (leaves the queue) */
    post: operations['VoiceWebhooksController_waitChoice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AttendanceCorrectionDto: {
      /** @description Came (true) or did not (false) */
      attended: boolean;
      minutesLate?: number;
    };
    AttendanceDto: {
      /** @description The family came (true) or did not (false) */
      attended: boolean;
    };
    AttendanceRow: {
      attended: number;
      late: number;
      minutesLate: number;
      name: string;
      noShows: number;
      shifts: number;
      volunteerId: string;
    };
    AuditEventView: {
      /** @example volunteer.phone.read */
      action: string;
      actorId: string | null;
      hotlineId: string | null;
      id: string;
      /** Format: date-time */
      occurredAt: string;
      /** @example 203.0.113.7 */
      origin: string | null;
      subjectId: string;
      subjectType: string;
    };
    AvailabilityView: {
      dates: components['schemas']['DatedAvailabilityView'][];
      weekly: components['schemas']['WeeklyAvailabilityView'][];
    };
    Block: {
      rows: components['schemas']['ShareRow'][];
      total: number;
    };
    BlockAndHangUpView: {
      blockedAt: string;
      blockedBy: string;
      /** @description Null: permanent */
      expiresAt: string | null;
      hotlineId: string;
      /** @description Twilio ended the call (false: it had ended, or Twilio failed) */
      hungUp: boolean;
      id: string;
      /** @enum {string} */
      reason: 'abusive' | 'prank' | 'silent' | 'harassment' | 'other';
      /**
       * @description A chat writer's device (from a live chat), not a caller's number
       * @enum {string}
       */
      subjectKind?: 'device';
    };
    BlockDto: {
      /**
       * @description Days until it lifts
       * @default 30
       */
      days: number;
      /** @description Never lifts by itself (admins only) */
      permanent?: boolean;
      /** @enum {string} */
      reason: 'abusive' | 'prank' | 'silent' | 'harassment' | 'other';
    };
    BlockView: {
      blockedAt: string;
      blockedBy: string;
      /** @description Null: permanent */
      expiresAt: string | null;
      hotlineId: string;
      id: string;
      /** @enum {string} */
      reason: 'abusive' | 'prank' | 'silent' | 'harassment' | 'other';
      /**
       * @description A chat writer's device (from a live chat), not a caller's number
       * @enum {string}
       */
      subjectKind?: 'device';
    };
    BookedView: {
      centreAddress: string | null;
      end: string;
      /** @example 2026-11-24 */
      localDate: string;
      /** @example 14:00 */
      localTime: string;
      /** @description Shown once: the key to change or cancel */
      manageToken: string;
      manageUrl: string;
      /** @example HB-7K3Q9 */
      reference: string;
      start: string;
      /** @enum {string} */
      status: 'booked';
      topic: string;
    };
    BookingConflictView: {
      /** @description The nearest free times, when the time was not free */
      alternatives?: components['schemas']['SlotView'][];
      /** @example Bad Request */
      error?: string;
      /** @description Validation failures: field path → messages */
      fields?: {
        [key: string]: string[];
      };
      /** @description What went wrong, for a person; a validation failure lists one line per rule */
      message: string | string[];
      /**
       * @description Where a client must act on the refusal, a stable word for why: two_factor_code_needed asks for the code at sign-in
       * @example two_factor_code_needed
       */
      reason?: string;
      /** @description The HTTP status, again */
      statusCode: number;
    };
    BookingOptionsView: {
      ageBands: components['schemas']['Labelled'][];
      centreAddress: string | null;
      changeCutoffHours: number;
      horizonDays: number;
      hotlineName: string;
      hotlinePhone: string | null;
      minNoticeHours: number;
      sessionMinutes: number;
      timeZone: string;
      /** @description The hotline's local date now: where the free times start */
      today: string;
      topics: components['schemas']['Labelled'][];
    };
    BookingSettingsDto: {
      bufferMinutes?: number;
      /** @example 杭州市上城区解放路 1 号 3 楼 */
      centreAddress?: Record<string, never> | null;
      changeCutoffHours?: number;
      horizonDays?: number;
      /** @description Default: your first hotline */
      hotlineId?: string;
      minNoticeHours?: number;
      offerHoldMinutes?: number;
      sessionMinutes?: number;
    };
    BookingSettingsView: {
      bufferMinutes: number;
      centreAddress: string | null;
      changeCutoffHours: number;
      horizonDays: number;
      hotlineId: string;
      minNoticeHours: number;
      offerHoldMinutes: number;
      sessionMinutes: number;
    };
    BreakdownRow: {
      /** @description Consultations per channel */
      byChannel: components['schemas']['ChannelCell'][];
      callsOffered: number | null;
      consultations: number | null;
      name: string;
      /** @description True for the unit's own hotlines (not in a child unit) */
      own: boolean;
      unitId: string;
    };
    CalendarFeedView: {
      /** @description Subscribe to this address; shown once, keep it private */
      url: string;
    };
    CallbackAssigneeView: {
      id: string;
      name: string;
      /**
       * @example [
       *       "volunteer"
       *     ]
       */
      roles: string[];
    };
    CallbackAssignmentDto: {
      /** @description A volunteer or supervisor of the request’s hotline; null: nobody */
      volunteerId: string | null;
    };
    CallbackAttemptView: {
      /** @description A person (not a voicemail) answered */
      answeredAt: string | null;
      attemptId: string;
      endedAt: string | null;
      /** @enum {string|null} */
      outcome: 'reached' | 'no_answer' | 'busy' | 'wrong_number' | 'not_placed' | null;
      requestId: string;
      startedAt: string;
      /** @enum {string} */
      status: 'ringing_volunteer' | 'dialling' | 'talking' | 'ended';
      talkSeconds: number | null;
      volunteer: components['schemas']['CallbackPersonView'];
    };
    CallbackFigures: {
      /** @description Consultations that were call-backs (phone, outbound) */
      consultations: number;
      /** @description Of those, reached by a call-back */
      reached: number;
      /** @description Of those, reached by the end of the evening they were due for (its local date) */
      reachedWithinOneEvening: number;
      /** @description Call-back requests and messages left in the period */
      requests: number;
    };
    CallbackItemView: {
      /** @description A call-back under way */
      activeAttemptId: string | null;
      assignedAt: string | null;
      assignedTo: components['schemas']['CallbackPersonView'] | null;
      /** @description Attempts that rang the caller */
      attemptCount: number;
      /** @description Who wrote on the chat page (pupil, parent, teacher, other) */
      callerType: string | null;
      /** @description None for a chat page message */
      callId: string | null;
      /** @description The caller gave a number: a call-back can be made (the number is never shown) */
      canCallBack: boolean;
      doneAt: string | null;
      /** @description The local date of the evening to call back on */
      forDate: string;
      /** @description The caller left a message: play it with GET /api/callback-requests/{id}/message */
      hasMessage: boolean;
      /** @description A message written on the chat page: read it with GET /api/callback-requests/{id}/text */
      hasText: boolean;
      id: string;
      lastAttemptAt: string | null;
      /** @enum {string|null} */
      lastOutcome: 'reached' | 'no_answer' | 'busy' | 'wrong_number' | 'not_placed' | null;
      messageLeftAt: string | null;
      /** @description The message's length in seconds */
      messageSeconds: number | null;
      /** @description Open, and its evening has passed */
      overdue: boolean;
      reachedAt: string | null;
      /** @enum {string} */
      reason: 'closed_hours' | 'overflow' | 'nobody_on_duty' | 'while_waiting' | 'service_error';
      requestedAt: string;
      /** @enum {string|null} */
      result: 'reached' | 'wrong_number' | 'marked_done' | null;
      /** @enum {string} */
      source: 'phone' | 'chat';
      /** @description The topic chosen on the chat page */
      topic: string | null;
    };
    CallbackPageView: {
      items: components['schemas']['CallbackItemView'][];
      /** @description Ask again with ?cursor= for more */
      nextCursor: string | null;
      /** @description Requests matching the filters, on every page */
      total: number;
    };
    CallbackPersonView: {
      id: string;
      name: string;
    };
    CallbackTextView: {
      text: string;
    };
    CallerProfileView: {
      block: components['schemas']['BlockView'] | null;
      byType: components['schemas']['TypeCount'][];
      /** @description Contact records of this caller on the hotline */
      contacts: number;
      flags: ('frequent_caller' | 'abusive' | 'at_risk' | 'known_case')[];
      guidance: string | null;
    };
    CallFigures: {
      /** @description Hung up while waiting in the queue */
      abandoned: number;
      abandonmentRate: number | null;
      answered: number;
      averageTalkSeconds: number | null;
      averageWaitSeconds: number | null;
      averageWrapUpSeconds: number | null;
      /** @description Calls refused because their caller was blocked (also those who then pressed the danger key) */
      blocked: number;
      /** @description Calls by local hour of arrival */
      byHour: components['schemas']['HourCount'][];
      callbackRequests: number;
      closedHours: number;
      longestWaitSeconds: number;
      /** @description Calls that joined the queue */
      offered: number;
      overflowed: number;
      /** @description Calls refused over the limit of calls per number */
      overLimit: number;
      queueFull: number;
      serviceLevel: components['schemas']['ServiceLevel'];
    };
    CallParticipantView: {
      /**
       * @description The volunteer holds the caller
       * @enum {boolean}
       */
      holding?: true;
      /**
       * @description consult: a colleague rung in by a warm transfer, talking with the volunteer
       * @enum {string}
       */
      mode: 'talk' | 'listen' | 'whisper' | 'barge' | 'consult';
      /** @enum {boolean} */
      muted?: true;
      name: string;
      /** @enum {string} */
      role: 'volunteer' | 'supervisor';
      volunteerId: string;
    };
    CancelledView: {
      reference: string;
      /** @enum {string} */
      status: 'cancelled';
    };
    ChangePasswordDto: {
      currentPassword: string;
      newPassword: string;
    };
    ChangeShiftDto: {
      supervisorsNeeded?: number;
      volunteersNeeded?: number;
    };
    ChannelCell: {
      /** @example phone */
      channel: string;
      /** @description Null: suppressed */
      count: number | null;
    };
    ChatBlockView: {
      blockedAt: string;
      blockedBy: string;
      /** @description The chat was ended (false: it had ended already) */
      ended: boolean;
      /** @description Null: permanent */
      expiresAt: string | null;
      hotlineId: string;
      id: string;
      /** @enum {string} */
      reason: 'abusive' | 'prank' | 'silent' | 'harassment' | 'other';
      /**
       * @description A chat writer's device (from a live chat), not a caller's number
       * @enum {string}
       */
      subjectKind?: 'device';
    };
    ChatBusyView: {
      emergency: string;
      /**
       * @example Bad Request
       * @enum {string}
       */
      error?: 'busy';
      /** @description Validation failures: field path → messages */
      fields?: {
        [key: string]: string[];
      };
      /** @enum {boolean} */
      leaveMessage: true;
      /** @description What went wrong, for a person; a validation failure lists one line per rule */
      message: string | string[];
      /**
       * @description Where a client must act on the refusal, a stable word for why: two_factor_code_needed asks for the code at sign-in
       * @example two_factor_code_needed
       */
      reason?: string;
      /** @description The HTTP status, again */
      statusCode: number;
    };
    ChatClosedView: {
      emergency: string;
      /**
       * @example Bad Request
       * @enum {string}
       */
      error?: 'closed';
      /** @description Validation failures: field path → messages */
      fields?: {
        [key: string]: string[];
      };
      hours: components['schemas']['ChatHoursView'][];
      /**
       * @description POST /api/public/chat-messages instead
       * @enum {boolean}
       */
      leaveMessage: true;
      /** @description What went wrong, for a person; a validation failure lists one line per rule */
      message: string | string[];
      nextOpening: string | null;
      /**
       * @description Where a client must act on the refusal, a stable word for why: two_factor_code_needed asks for the code at sign-in
       * @example two_factor_code_needed
       */
      reason?: string;
      /** @description The HTTP status, again */
      statusCode: number;
    };
    ChatHotlineView: {
      callerTypes: ('pupil' | 'parent' | 'teacher' | 'other')[];
      /** @example 12356 */
      crisisLine: string;
      emergency: string;
      hotlineId: string;
      hours: components['schemas']['ChatHoursView'][];
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      name: string;
      nextOpening: string | null;
      open: boolean;
      /**
       * @description The zone the hours are in (IANA)
       * @example Asia/Shanghai
       */
      timeZone: string;
      topics: components['schemas']['ChatTopicView'][];
    };
    ChatHoursView: {
      /** @example 22:00 */
      closes: string;
      /** @example 18:00 */
      opens: string;
      /** @description ISO weekday, 1 = Monday */
      weekday: number;
    };
    ChatLeftMessageDto: {
      /**
       * @description Who is writing
       * @enum {string}
       */
      callerType: 'pupil' | 'parent' | 'teacher' | 'other';
      /** @description A random id the page keeps for this browser; only a keyed hash of it with the address is stored */
      deviceId?: string;
      /** @description Default: the hotline GET /api/public/hotline names */
      hotlineId?: string;
      /** @enum {string} */
      language: 'zh-CN' | 'en';
      text: string;
      /**
       * @description A topic of the phone menu (GET /api/public/hotline lists them)
       * @example emotional
       */
      topic: string;
    };
    ChatMessageLeftView: {
      /** @example 2026-11-24 */
      forDate: string;
      /** @enum {boolean} */
      received: true;
    };
    ChatMessageView: {
      at: string;
      /** @enum {string} */
      from: 'writer' | 'volunteer' | 'system';
      id: string;
      text: string;
    };
    ChatOpenedView: {
      chatId: string;
      /** @description The resume token: auth { token } on the /chat namespace; keep it for this tab */
      token: string;
    };
    ChatRefusedView: {
      emergency: string;
      /**
       * @example Bad Request
       * @enum {string}
       */
      error?: 'blocked';
      /** @description Validation failures: field path → messages */
      fields?: {
        [key: string]: string[];
      };
      /** @description What went wrong, for a person; a validation failure lists one line per rule */
      message: string | string[];
      /**
       * @description Where a client must act on the refusal, a stable word for why: two_factor_code_needed asks for the code at sign-in
       * @example two_factor_code_needed
       */
      reason?: string;
      /** @description The HTTP status, again */
      statusCode: number;
    };
    ChatRequestDto: {
      /**
       * @description Who is writing
       * @enum {string}
       */
      callerType: 'pupil' | 'parent' | 'teacher' | 'other';
      /** @description "I am in danger now": crisis priority and the supervisors alerted at once */
      danger?: boolean;
      /** @description A random id the page keeps for this browser; only a keyed hash of it with the address is stored */
      deviceId?: string;
      /** @description Default: the hotline GET /api/public/hotline names */
      hotlineId?: string;
      /** @enum {string} */
      language: 'zh-CN' | 'en';
      /**
       * @description A topic of the phone menu (GET /api/public/hotline lists them)
       * @example emotional
       */
      topic: string;
    };
    ChatSettingsDto: {
      /** @description Quick answers the volunteer's chat panel offers, in the hotline's language */
      cannedReplies?: string[];
      /** @description A writer silent this long in a conversation is asked whether they are there */
      idleCheckSeconds?: number;
      /** @description Still silent this long after that question, the chat ends */
      idleEndSeconds?: number;
      /** @description The same for a chat in the chat page's other language (en for a zh-CN hotline, zh-CN for an en one) */
      secondLanguageCannedReplies?: string[];
    };
    ChatSettingsView: {
      cannedReplies: string[];
      idleCheckSeconds: number;
      idleEndSeconds: number;
      secondLanguageCannedReplies: string[];
    };
    ChatTopicLabelView: {
      en: string;
      'zh-CN': string;
    };
    ChatTopicView: {
      key: string;
      label: components['schemas']['ChatTopicLabelView'];
    };
    ChatTranscriptView: {
      chatId: string;
      /** @description When the retention job removed the messages (none are left then) */
      clearedAt: string | null;
      messages: components['schemas']['ChatMessageView'][];
    };
    CloseCaseDto: {
      /** @description How it ended; confidential */
      note?: string;
    };
    ClosureDto: {
      /**
       * @description Local date on which the hotline stays closed
       * @example 2026-10-01
       */
      date: string;
      /** @example 国庆节 */
      reason?: string;
    };
    ColleagueView: {
      id: string;
      name: string;
      /** @enum {string} */
      role: 'volunteer' | 'supervisor';
    };
    ConsultationFigures: {
      byAgeBand: components['schemas']['Block'];
      /** @description Every topic mentioned; shares of mentions */
      byAnyTopic: components['schemas']['Block'];
      /** @description Every topic mentioned, top level; shares of mentions */
      byAnyTopicGroup: components['schemas']['Block'];
      byCallerType: components['schemas']['Block'];
      byChannel: components['schemas']['Block'];
      byGender: components['schemas']['Block'];
      byOutcome: components['schemas']['Block'];
      /** @description Primary topic as recorded (sub-topics) */
      byPrimaryTopic: components['schemas']['Block'];
      /** @description Primary topic, top level */
      byPrimaryTopicGroup: components['schemas']['Block'];
      byRisk: components['schemas']['Block'];
      notCategorised: number;
      total: number;
    };
    ContactDraftDto: {
      /**
       * @description The child's age band
       * @enum {string}
       */
      ageBand?: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown';
      /** @enum {string} */
      callerType?: 'pupil' | 'parent' | 'teacher' | 'other';
      /**
       * @description A non-counselling contact (silent, prank, wrong number, hung up, abusive, test) needs no topic, risk or outcome, and is counted apart
       * @default counselling
       * @enum {string}
       */
      contactType:
        'counselling' | 'silent' | 'prank' | 'wrong_number' | 'hung_up' | 'abusive' | 'test';
      /** @example 西湖区 */
      district?: string;
      /** @enum {string} */
      gender?: 'female' | 'male' | 'other' | 'unknown';
      /** @enum {string} */
      grade?:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown';
      /** @description Confidential; encrypted */
      notes?: string;
      /**
       * @description Up to 2 more topic keys
       * @example [
       *       "learning.exam_stress"
       *     ]
       */
      otherTopics?: string[];
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      outcome?:
        | 'advice_given'
        | 'booked_face_to_face'
        | 'referred_to_hospital'
        | 'crisis_intervention'
        | 'callback_arranged';
      /**
       * @description A key from GET /api/taxonomy; for counselling contacts only
       * @example emotional.anxiety_stress
       */
      primaryTopic?: string;
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      riskLevel?: 'none' | 'low' | 'medium' | 'high' | 'imminent';
    };
    ContactDraftView: {
      /**
       * @description The child's age band
       * @enum {string}
       */
      ageBand?: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown';
      /** @enum {string} */
      callerType?: 'pupil' | 'parent' | 'teacher' | 'other';
      callId: string;
      /**
       * @description A non-counselling contact (silent, prank, wrong number, hung up, abusive, test) needs no topic, risk or outcome, and is counted apart
       * @default counselling
       * @enum {string}
       */
      contactType:
        'counselling' | 'silent' | 'prank' | 'wrong_number' | 'hung_up' | 'abusive' | 'test';
      /** @example 西湖区 */
      district?: string;
      /** @enum {string} */
      gender?: 'female' | 'male' | 'other' | 'unknown';
      /** @enum {string} */
      grade?:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown';
      /** @description Confidential; encrypted */
      notes?: string;
      /**
       * @description Up to 2 more topic keys
       * @example [
       *       "learning.exam_stress"
       *     ]
       */
      otherTopics?: string[];
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      outcome?:
        | 'advice_given'
        | 'booked_face_to_face'
        | 'referred_to_hospital'
        | 'crisis_intervention'
        | 'callback_arranged';
      /**
       * @description A key from GET /api/taxonomy; for counselling contacts only
       * @example emotional.anxiety_stress
       */
      primaryTopic?: string;
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      riskLevel?: 'none' | 'low' | 'medium' | 'high' | 'imminent';
      /** @description Null when nothing was saved yet */
      savedAt: string | null;
    };
    ContactFieldsDto: {
      /**
       * @description The child's age band
       * @enum {string}
       */
      ageBand?: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown';
      /** @enum {string} */
      callerType?: 'pupil' | 'parent' | 'teacher' | 'other';
      /**
       * @description A non-counselling contact (silent, prank, wrong number, hung up, abusive, test) needs no topic, risk or outcome, and is counted apart
       * @default counselling
       * @enum {string}
       */
      contactType:
        'counselling' | 'silent' | 'prank' | 'wrong_number' | 'hung_up' | 'abusive' | 'test';
      /** @example 西湖区 */
      district?: string;
      /** @enum {string} */
      gender?: 'female' | 'male' | 'other' | 'unknown';
      /** @enum {string} */
      grade?:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown';
      /** @description Confidential; encrypted */
      notes?: string;
      /**
       * @description Up to 2 more topic keys
       * @example [
       *       "learning.exam_stress"
       *     ]
       */
      otherTopics?: string[];
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      outcome:
        | 'advice_given'
        | 'booked_face_to_face'
        | 'referred_to_hospital'
        | 'crisis_intervention'
        | 'callback_arranged';
      /**
       * @description A key from GET /api/taxonomy; for counselling contacts only
       * @example emotional.anxiety_stress
       */
      primaryTopic: string;
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      riskLevel: 'none' | 'low' | 'medium' | 'high' | 'imminent';
    };
    ContactView: {
      /** @enum {string|null} */
      ageBand: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown' | null;
      /** @description A call-back: the request it answered */
      callbackRequestId: string | null;
      /** @enum {string|null} */
      callerType: 'pupil' | 'parent' | 'teacher' | 'other' | null;
      callId: string | null;
      /** @description False until a primary topic is recorded */
      categorised: boolean;
      /** @enum {string} */
      channel: 'phone' | 'face_to_face' | 'online';
      /** @description The live chat this consultation was (channel online): GET /api/chats/{id}/transcript reads it (audited) */
      chatId?: string;
      /** @enum {string} */
      contactType:
        'counselling' | 'silent' | 'prank' | 'wrong_number' | 'hung_up' | 'abusive' | 'test';
      createdAt: string;
      /**
       * @description inbound: the caller rang; outbound: a call-back the hotline made
       * @enum {string}
       */
      direction: 'inbound' | 'outbound';
      district: string | null;
      durationMinutes: number | null;
      /** @description Earlier contacts from the same number (phone contacts; not for coordinators) */
      earlierContacts?: number;
      /** @enum {string|null} */
      gender: 'female' | 'male' | 'other' | 'unknown' | null;
      /** @enum {string|null} */
      grade:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown'
        | null;
      hasNotes: boolean;
      hotlineId: string;
      id: string;
      /** @description Only in a single record, to its volunteer and supervisors; each read is audited */
      notes?: string | null;
      notesClearedAt: string | null;
      occurredAt: string;
      /** @enum {string|null} */
      outcome:
        | 'advice_given'
        | 'booked_face_to_face'
        | 'referred_to_hospital'
        | 'crisis_intervention'
        | 'callback_arranged'
        | null;
      primaryTopic: string | null;
      /** @description Who entered the record (differs when entered on behalf) */
      recordedBy: string;
      /** @enum {string|null} */
      riskLevel: 'none' | 'low' | 'medium' | 'high' | 'imminent' | null;
      /** @description Every topic, the primary first */
      topics: string[];
      updatedAt: string;
      volunteerId: string;
    };
    CoverageGap: {
      localDate: string;
      localEnd: string;
      localStart: string;
      missing: number;
      shiftId: string;
      /** @enum {string} */
      slot: 'volunteer' | 'supervisor';
    };
    CoverageView: {
      coveredPersonHours: number;
      from: string;
      gaps: components['schemas']['CoverageGap'][];
      /** @description Share (0-1) of needed person-hours not covered */
      gapScore: number | null;
      neededPersonHours: number;
      shifts: components['schemas']['ShiftView'][];
      to: string;
    };
    CreateContactDto: {
      /**
       * @description The child's age band
       * @enum {string}
       */
      ageBand?: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown';
      /** @enum {string} */
      callerType?: 'pupil' | 'parent' | 'teacher' | 'other';
      /** @enum {string} */
      channel: 'face_to_face' | 'online';
      /**
       * @description A non-counselling contact (silent, prank, wrong number, hung up, abusive, test) needs no topic, risk or outcome, and is counted apart
       * @default counselling
       * @enum {string}
       */
      contactType:
        'counselling' | 'silent' | 'prank' | 'wrong_number' | 'hung_up' | 'abusive' | 'test';
      /** @example 西湖区 */
      district?: string;
      durationMinutes?: number;
      /** @enum {string} */
      gender?: 'female' | 'male' | 'other' | 'unknown';
      /** @enum {string} */
      grade?:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown';
      /** @description Default: your first hotline */
      hotlineId?: string;
      /** @description Confidential; encrypted */
      notes?: string;
      /** @example 2026-11-23T19:30:00+08:00 */
      occurredAt: string;
      /**
       * @description Up to 2 more topic keys
       * @example [
       *       "learning.exam_stress"
       *     ]
       */
      otherTopics?: string[];
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      outcome:
        | 'advice_given'
        | 'booked_face_to_face'
        | 'referred_to_hospital'
        | 'crisis_intervention'
        | 'callback_arranged';
      /**
       * @description A key from GET /api/taxonomy; for counselling contacts only
       * @example emotional.anxiety_stress
       */
      primaryTopic: string;
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      riskLevel: 'none' | 'low' | 'medium' | 'high' | 'imminent';
      /** @description Who counselled, when a coordinator enters the record for them; default you */
      volunteerId?: string;
    };
    CreateHotlineDto: {
      /** @description The live chat: canned replies, idle */
      chat?: components['schemas']['ChatSettingsDto'];
      /** @description Spoken when closed, after the opening hours: the emergency numbers */
      closedMessage?: string;
      closures?: components['schemas']['ClosureDto'][];
      /** @description Recorded prompts, played instead of spoken; the prompts not named are kept as they are */
      greetings?: components['schemas']['GreetingsDto'];
      /**
       * @default zh-CN
       * @enum {string}
       */
      locale: 'zh-CN' | 'en';
      /** @example 未成年人心理健康热线 */
      name: string;
      /** @description Default: every day 18:00-22:00 */
      openingHours?: components['schemas']['OpeningHoursDto'];
      /**
       * @description The number callers dial (as Twilio sends it in To)
       * @example +8657112355
       */
      phoneNumber?: string;
      /**
       * @description People holding one of these roles on this hotline must sign in with a two-factor code; until enrolled, their sign-in only lets them enrol. Default: none
       * @example [
       *       "supervisor",
       *       "admin"
       *     ]
       */
      requireTwoFactorFor?: ('volunteer' | 'supervisor' | 'coordinator' | 'admin')[];
      routing?: components['schemas']['RoutingSettingsDto'];
      /**
       * @description The language that voice speaks the prompts in (Twilio's code); given with sayVoice
       * @example cmn-CN
       */
      sayLanguage?: string;
      /**
       * @description The voice that speaks the prompts, from Twilio's text-to-speech table; given with sayLanguage. Default: the locale's (Polly.Zhiyu-Neural for zh-CN, Polly.Joanna-Neural for en)
       * @example Polly.Zhiyu-Neural
       */
      sayVoice?: string;
      /**
       * @description IANA zone; default HOTLINE_TIMEZONE
       * @example Asia/Shanghai
       */
      timeZone?: string;
      /**
       * @description Volunteers may withdraw from a shift until this many hours before it
       * @default 24
       */
      withdrawCutoffHours: number;
    };
    CreatePartnerDto: {
      address?: string;
      /** @description Default: your first hotline */
      hotlineId?: string;
      /** @enum {string} */
      kind: 'hospital' | 'service';
      /** @example 市第七人民医院 */
      name: string;
      /** @example 0571-85126525 */
      phone?: string;
    };
    CreateTrainingCallDto: {
      /** @description What the practice caller says, line by line (shown to the volunteer) */
      script?: string[];
      /**
       * @description Top-level topic; default emotional
       * @example emotional
       */
      topic?: string;
      /** @description The volunteer whose console the practice call rings */
      volunteerId: string;
    };
    CreateUnitDto: {
      /** @enum {string} */
      kind: 'province' | 'city' | 'county' | 'district' | 'school' | 'other';
      /** @example 杭州市 */
      name: string;
      /** @description The unit it belongs under */
      parentId: string;
    };
    CreateVolunteerDto: {
      /**
       * @default browser
       * @enum {string}
       */
      answerBy: 'browser' | 'phone';
      /** @example wang@example.org */
      email: string;
      /** @enum {string} */
      expertKind: 'school_teacher' | 'university' | 'hospital' | 'counsellor' | 'trainee';
      /** @description Hotlines this person works for; default: the creator's hotlines */
      hotlineIds?: string[];
      /**
       * @description BCP 47 language tags
       * @example [
       *       "zh-CN"
       *     ]
       */
      languages?: string[];
      /** @example 王老师 */
      name: string;
      /** @description Initial password, at least 10 characters */
      password: string;
      /**
       * @description Stored encrypted; used to ring calls when answerBy=phone; null removes it
       * @example +8613800138000
       */
      phone?: Record<string, never> | null;
      /**
       * @example [
       *       "volunteer"
       *     ]
       */
      roles: ('volunteer' | 'supervisor' | 'coordinator' | 'admin')[];
      /**
       * @description Twilio Client identity for the browser softphone
       * @example wang-laoshi
       */
      softphoneIdentity?: string;
      /**
       * @description Topic keys from GET /api/taxonomy
       * @example [
       *       "emotional",
       *       "learning"
       *     ]
       */
      topicSkills?: string[];
    };
    CrisisCallSummary: {
      answeredAt: string | null;
      arrivedAt: string;
      /** @enum {string|null} */
      callerType: 'pupil' | 'parent' | 'teacher' | 'other' | null;
      endedAt: string | null;
      id: string;
      talkSeconds: number | null;
      /** @description The topic chosen in the menu */
      topic: string | null;
      waitSeconds: number | null;
    };
    CrisisCaseDetail: {
      /** @description The call it came from */
      call: components['schemas']['CrisisCallSummary'] | null;
      callId: string | null;
      closedAt: string | null;
      closingNote: string | null;
      contactId: string | null;
      followUps: components['schemas']['FollowUpView'][];
      hotlineId: string;
      id: string;
      openedAt: string;
      /** @description The volunteer who opened it from their call ("crisis now") */
      openedBy: string | null;
      partner: components['schemas']['PartnerSummary'] | null;
      referralNote: string | null;
      referredAt: string | null;
      report: string | null;
      /** @description The report as saved so far; null once filed */
      reportDraft: components['schemas']['ReportDraftView'] | null;
      /** @description 12 hours after opening */
      reportDueAt: string;
      reportFiledAt: string | null;
      reportFiledBy: string | null;
      reportFiledByName: string | null;
      reportOverdue: boolean;
      /** @enum {string|null} */
      riskLevel: 'none' | 'low' | 'medium' | 'high' | 'imminent' | null;
      /** @description The supervisor who took it */
      supervisorId: string | null;
      supervisorName: string | null;
      /** @enum {string} */
      trigger: 'danger_key' | 'risk_level' | 'crisis_now';
      /** @description Who answered or counselled */
      volunteerId: string | null;
      volunteerName: string | null;
    };
    CrisisCaseView: {
      callId: string | null;
      closedAt: string | null;
      contactId: string | null;
      hotlineId: string;
      id: string;
      openedAt: string;
      /** @description The volunteer who opened it from their call ("crisis now") */
      openedBy: string | null;
      partner: components['schemas']['PartnerSummary'] | null;
      referredAt: string | null;
      /** @description 12 hours after opening */
      reportDueAt: string;
      reportFiledAt: string | null;
      reportOverdue: boolean;
      /** @enum {string|null} */
      riskLevel: 'none' | 'low' | 'medium' | 'high' | 'imminent' | null;
      /** @description The supervisor who took it */
      supervisorId: string | null;
      supervisorName: string | null;
      /** @enum {string} */
      trigger: 'danger_key' | 'risk_level' | 'crisis_now';
      /** @description Who answered or counselled */
      volunteerId: string | null;
      volunteerName: string | null;
    };
    CrisisFigures: {
      byTrigger: components['schemas']['Block'];
      opened: number;
      referred: number;
      /** @description Filed after the 12 hours, or still missing past them */
      reportsLate: number;
      reportsOnTime: number;
      /** @description Not filed, still within the 12 hours */
      reportsPending: number;
    };
    CrisisNowView: {
      /** @description The crisis case of the call (opened now, or already open) */
      crisisCaseId: string;
    };
    CrisisOverviewRow: {
      name: string;
      /** @description Cases not closed */
      openCases: number;
      /** @description Open cases whose report is missing past its deadline */
      overdueReports: number;
      own: boolean;
      unitId: string;
    };
    DatedAvailabilityDto: {
      /** @example 2026-12-24 */
      date: string;
      /** @example 12:00 */
      endTime?: string;
      /** @description Default: your first hotline */
      hotlineId?: string;
      reason?: string;
      /**
       * @description With endTime: the windows of that day
       * @example 09:00
       */
      startTime?: string;
      /** @description The expert; leave out for a day the whole centre is closed */
      volunteerId?: string;
    };
    DatedAvailabilityView: {
      date: string;
      endTime: string | null;
      id: string;
      reason: string | null;
      startTime: string | null;
      volunteerId: string | null;
    };
    DutyVolunteerView: {
      callId?: string;
      callsHandled: number;
      id: string;
      name: string;
      secondsInState: number;
      skills: string[];
      /** @enum {string} */
      state: 'offline' | 'available' | 'offered' | 'talking' | 'wrap_up' | 'break' | 'missed';
    };
    ErrorView: {
      /** @example Bad Request */
      error?: string;
      /** @description Validation failures: field path → messages */
      fields?: {
        [key: string]: string[];
      };
      /** @description What went wrong, for a person; a validation failure lists one line per rule */
      message: string | string[];
      /**
       * @description Where a client must act on the refusal, a stable word for why: two_factor_code_needed asks for the code at sign-in
       * @example two_factor_code_needed
       */
      reason?: string;
      /** @description The HTTP status, again */
      statusCode: number;
    };
    FollowUpDto: {
      /** @description Confidential; encrypted */
      note: string;
    };
    FollowUpView: {
      at: string;
      authorId: string;
      authorName: string | null;
      id: string;
      /** @description Null once retention cleared it */
      note: string | null;
    };
    GenerateResult: {
      created: number;
      unchanged: number;
      /** @description Existing shifts whose headcount changed */
      updated: number;
    };
    GenerateShiftsDto: {
      /** @example 2026-12-01 */
      from: string;
      /** @description Default: your first hotline */
      hotlineId?: string;
      /** @description Default: every template of the hotline */
      templateIds?: string[];
      /** @example 2026-12-31 */
      to: string;
    };
    GrantUnitRoleDto: {
      /** @enum {string} */
      role: 'coordinator' | 'supervisor';
      volunteerId: string;
    };
    GreetingsDto: {
      /**
       * @description The caller menu: 9 in danger, 1 pupil, 2 parent, 3 teacher. An https URL Twilio plays instead of speaking the prompt; null speaks it again
       * @example https://media.example.org/hotline/callerMenu.mp3
       */
      callerMenu?: string | null;
      /**
       * @description The closed message in the closed answer (the emergency numbers), after the hours. An https URL Twilio plays instead of speaking the prompt; null speaks it again
       * @example https://media.example.org/hotline/closed.mp3
       */
      closed?: string | null;
      /**
       * @description Said to a caller in danger put through to the queue, and while they hold. An https URL Twilio plays instead of speaking the prompt; null speaks it again
       * @example https://media.example.org/hotline/crisisHoldOn.mp3
       */
      crisisHoldOn?: string | null;
      /**
       * @description Said before the hotline hangs up. An https URL Twilio plays instead of speaking the prompt; null speaks it again
       * @example https://media.example.org/hotline/goodbye.mp3
       */
      goodbye?: string | null;
      /**
       * @description Said to a caller put through to the queue, and while they hold. An https URL Twilio plays instead of speaking the prompt; null speaks it again
       * @example https://media.example.org/hotline/holdOn.mp3
       */
      holdOn?: string | null;
      /**
       * @description The topic menu: a digit per topic, and 9 in danger. An https URL Twilio plays instead of speaking the prompt; null speaks it again
       * @example https://media.example.org/hotline/topicMenu.mp3
       */
      topicMenu?: string | null;
      /**
       * @description The welcome, with the hotline's name: opens the caller menu and the closed answer. An https URL Twilio plays instead of speaking the prompt; null speaks it again
       * @example https://media.example.org/hotline/welcome.mp3
       */
      welcome?: string | null;
    };
    GreetingsView: {
      callerMenu?: string;
      closed?: string;
      crisisHoldOn?: string;
      goodbye?: string;
      holdOn?: string;
      topicMenu?: string;
      welcome?: string;
    };
    HealthView: {
      /** @description Clock speed: 1 in real time */
      clockSpeed: number;
      /** @example up */
      database: string;
      /** @example ok */
      status: string;
      /** @enum {string} */
      telephony: 'on' | 'off';
      /** @description The hotline clock (differs from real time in simulations) */
      time: string;
    };
    HotlineStatusView: {
      /** @description Why the hotline is closed today, when a closure says so */
      closureReason?: string;
      /** @description The hotline clock, in the hotline zone */
      now: string;
      open: boolean;
      /** @description The opening in progress, else the next one */
      opening: components['schemas']['OpeningView'] | null;
    };
    HotlineView: {
      chat: components['schemas']['ChatSettingsView'];
      closedMessage: string;
      closures: components['schemas']['ClosureDto'][];
      /** Format: date-time */
      createdAt: string;
      /** @description The recorded prompts, by prompt (the https URL Twilio plays) */
      greetings: components['schemas']['GreetingsView'];
      id: string;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      name: string;
      noteRetentionDays: number;
      openingHours: components['schemas']['OpeningHoursDto'];
      phoneNumber: string | null;
      /** @description The roles that must sign in with a two-factor code on this hotline */
      requireTwoFactorFor: ('volunteer' | 'supervisor' | 'coordinator' | 'admin')[];
      /** @description Percent of other consultations sampled for case review */
      reviewSamplePercent: number;
      routing: components['schemas']['RoutingSettingsView'];
      /** @example cmn-CN */
      sayLanguage: string;
      /** @example Polly.Zhiyu-Neural */
      sayVoice: string;
      timeZone: string;
      /** @description The unit of the organisation it belongs to; null: the top unit */
      unitId: string | null;
      /** Format: date-time */
      updatedAt: string;
      withdrawCutoffHours: number;
    };
    HourCount: {
      count: number;
      /** @example 19 */
      hour: string;
    };
    ImportCount: {
      consultations: number;
      /** @example 2023 */
      key: string;
    };
    ImportProblemView: {
      column: string;
      message: string;
      /** @description Row of the sheet; the header is row 1 */
      row: number;
    };
    ImportProgressView: {
      done: number;
      /** @enum {string} */
      phase: 'reading' | 'writing' | 'done' | 'failed';
      total: number;
    };
    ImportRefusal: {
      /** @example Unprocessable Entity */
      error: string;
      message: string;
      /** @description The dry run: every problem */
      report: components['schemas']['ImportReport'];
      /** @example 422 */
      statusCode: number;
    };
    ImportReport: {
      /** @description Rows that are (or would be) added */
      added: number;
      /** @description Rows imported before, left as they are */
      alreadyImported: number;
      byChannel: components['schemas']['ImportCount'][];
      /** @description Keyed by hotline id */
      byHotline: components['schemas']['ImportCount'][];
      byYear: components['schemas']['ImportCount'][];
      /** @description True once the rows were added */
      committed: boolean;
      /** @description Consultations the added rows count */
      consultations: number;
      from: string | null;
      /** @enum {string} */
      kind: 'records' | 'tallies';
      problemCount: number;
      /** @description Every problem (the first 1,000) */
      problems: components['schemas']['ImportProblemView'][];
      /** @description Rows read, not counting the header or empty rows */
      rows: number;
      to: string | null;
    };
    Labelled: {
      key: string;
      /**
       * @example {
       *       "en": "Learning",
       *       "zh-CN": "学习"
       *     }
       */
      label: Record<string, never>;
    };
    LabelView: {
      en: string;
      'zh-CN': string;
    };
    LiveCallView: {
      /** @description When the volunteer joined the caller */
      answeredAt: string;
      /**
       * @description The caller's profile flags (the guidance was on the offer)
       * @example [
       *       "frequent_caller",
       *       "at_risk"
       *     ]
       */
      callerFlags?: string[];
      callerOnHold: boolean;
      callerType: string | null;
      callId: string;
      crisisCaseId: string | null;
      earlierContacts: number;
      participants: components['schemas']['CallParticipantView'][];
      /** @enum {string} */
      priority: 'normal' | 'crisis';
      topic: string | null;
    };
    LoginDto: {
      /**
       * @description The 6-digit code from your authenticator app, once two-factor sign-in is on for you
       * @example 123456
       */
      code?: string;
      /** @example admin@hotline.example */
      email: string;
      password: string;
    };
    ManagedBookingView: {
      /** @description false past the change cut-off */
      canChange: boolean;
      changeCutoffHours: number;
      end: string;
      hotlinePhone: string | null;
      /** @example 2026-11-24 */
      localDate: string;
      /** @example 14:00 */
      localTime: string;
      reference: string;
      start: string;
      /** @enum {string} */
      status: 'booked' | 'cancelled' | 'attended' | 'no_show';
      topic: string;
    };
    MonitorDto: {
      /**
       * @description listen: muted; whisper: heard by the volunteer only (coaching); barge: heard by both
       * @enum {string}
       */
      mode: 'listen' | 'whisper' | 'barge';
    };
    NonCounsellingFigures: {
      /** @description By local hour of the contact */
      byHour: components['schemas']['HourCount'][];
      byType: components['schemas']['Block'];
      /** @description Contacts marked silent, prank, wrong number, hung up, abusive or test */
      total: number;
    };
    NoteRetentionDto: {
      /**
       * @description Days after a consultation that its confidential notes are kept
       * @example 365
       */
      noteRetentionDays: number;
    };
    Object: Record<string, never>;
    OfferView: {
      /**
       * @description The caller's profile flags
       * @example [
       *       "frequent_caller",
       *       "at_risk"
       *     ]
       */
      callerFlags?: string[];
      /** @enum {string|null} */
      callerType: 'pupil' | 'parent' | 'teacher' | 'other' | null;
      callId: string;
      /**
       * @description A live chat offered like a call: callId and chatId are the chat id
       * @enum {string}
       */
      channel?: 'chat';
      /** @description The live chat offered (channel chat) */
      chatId?: string;
      /** @description Earlier contacts (consultations) with the same number on this hotline */
      earlierContacts: number;
      expiresAt: string;
      /** @description The supervisors' confidential guidance on this caller (its reading is audited) */
      guidance?: string | null;
      /**
       * @description The language the writer chose
       * @enum {string}
       */
      language?: 'zh-CN' | 'en';
      offerId: string;
      /** @enum {string} */
      priority: 'normal' | 'crisis';
      topic: string | null;
      /**
       * @description A practice call: no caller on the line
       * @enum {boolean}
       */
      training?: true;
      /** @description Seconds the caller has waited */
      waitedSeconds: number;
    };
    OnlineChatFigures: {
      /** @description Writers who left (or went silent) while waiting */
      abandoned: number;
      abandonmentRate: number | null;
      answered: number;
      /** @description In conversation, over answered chats */
      averageDurationSeconds: number | null;
      averageWaitSeconds: number | null;
      /** @description Chats by local hour of arrival */
      byHour: components['schemas']['HourCount'][];
      /** @description Still waiting when the hotline closed */
      closedHours: number;
      longestWaitSeconds: number;
      /** @description Chats that joined the queue */
      offered: number;
      /** @description Refused at the door: the queue was full */
      queueFull: number;
      /** @description Answered within the threshold ÷ chats that left the queue */
      serviceLevel: components['schemas']['ServiceLevel'];
    };
    OpeningHoursDto: {
      /** @description Empty when closed that weekday */
      fri: components['schemas']['TimeRangeDto'][];
      /** @description Empty when closed that weekday */
      mon: components['schemas']['TimeRangeDto'][];
      /** @description Empty when closed that weekday */
      sat: components['schemas']['TimeRangeDto'][];
      /** @description Empty when closed that weekday */
      sun: components['schemas']['TimeRangeDto'][];
      /** @description Empty when closed that weekday */
      thu: components['schemas']['TimeRangeDto'][];
      /** @description Empty when closed that weekday */
      tue: components['schemas']['TimeRangeDto'][];
      /** @description Empty when closed that weekday */
      wed: components['schemas']['TimeRangeDto'][];
    };
    OpeningView: {
      /** @example 2026-11-23T22:00:00.000+08:00 */
      end: string;
      /** @example 2026-11-23T18:00:00.000+08:00 */
      start: string;
    };
    PartnerSummary: {
      id: string;
      /** @enum {string} */
      kind: 'hospital' | 'service';
      name: string;
    };
    PartnerView: {
      active: boolean;
      address: string | null;
      hotlineId: string;
      id: string;
      /** @enum {string} */
      kind: 'hospital' | 'service';
      name: string;
      phone: string | null;
    };
    Period: {
      /** @example 2026-11-01 */
      from: string;
      /** @enum {string} */
      kind: 'month' | 'year' | 'range';
      /** @example Asia/Shanghai */
      timeZone: string;
      /** @example 2026-11-30 */
      to: string;
    };
    PresenceDto: {
      /** @description The hotline to be on duty for; default your first hotline */
      hotlineId?: string;
      /** @enum {string} */
      state: 'available' | 'break' | 'offline';
    };
    PresenceView: {
      callId?: string;
      hotlineId: string;
      since: string;
      /** @enum {string} */
      state: 'offline' | 'available' | 'offered' | 'talking' | 'wrap_up' | 'break' | 'missed';
    };
    ProfileChangesDto: {
      /** @description frequent_caller is derived from the limit per number and never stored */
      flags?: ('frequent_caller' | 'abusive' | 'at_risk' | 'known_case')[];
      /** @description Confidential, encrypted; shown to the volunteer a call of this caller is offered to */
      guidance?: string | null;
    };
    PublicBookingDto: {
      /** @enum {string} */
      childAgeBand?: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown';
      /** @enum {string} */
      childGrade?:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown';
      /**
       * @description A guardian agrees that we keep these details
       * @enum {boolean}
       */
      consent: true;
      description?: string;
      /**
       * @description Language of the text messages
       * @enum {string}
       */
      language: 'zh-CN' | 'en';
      /** @example 王女士 */
      parentName: string;
      /**
       * @description Default region: mainland China
       * @example 13812345678
       */
      phone: string;
      /**
       * @description A start from the slots list
       * @example 2026-11-24T06:00:00.000Z
       */
      start: string;
      /**
       * @description A top-level topic key
       * @example bullying
       */
      topic: string;
    };
    QueuedCallView: {
      callerType: string | null;
      callId: string;
      /** @enum {string} */
      phase: 'waiting' | 'offered' | 'connecting' | 'talking';
      /** @enum {string} */
      priority: 'normal' | 'crisis';
      topic: string;
      volunteerId?: string;
      waitingSeconds: number;
    };
    QueueView: {
      calls: components['schemas']['QueuedCallView'][];
      hotlineId: string;
      longestWaitSeconds: number;
      volunteers: components['schemas']['DutyVolunteerView'][];
      waiting: number;
    };
    ReferralDto: {
      /** @description Confidential; encrypted */
      note?: string;
      /** @description A partner from GET /api/partners */
      partnerId: string;
    };
    ReportDraftView: {
      /** @description Confidential */
      report: string;
      savedAt: string;
      savedBy: string;
      savedByName: string | null;
    };
    ReportDto: {
      /** @description Confidential; encrypted */
      report: string;
    };
    RescheduleDto: {
      /**
       * @description A start from the slots list
       * @example 2026-11-24T06:00:00.000Z
       */
      start: string;
    };
    ResetPasswordDto: {
      /** @description Initial password, at least 10 characters */
      password: string;
    };
    ReviewDetail: {
      /** @description What you may do now */
      actions: ('comment' | 'request_changes' | 'sign_off' | 'answer')[];
      /** @enum {string} */
      channel: 'phone' | 'face_to_face' | 'online';
      /** @description The record, its notes included */
      contact: components['schemas']['ContactView'];
      contactId: string;
      /** @description Oldest first */
      entries: components['schemas']['ReviewEntryView'][];
      /** @description How many comments, verdicts and answers */
      entryCount: number;
      /** @description First written on by a supervisor */
      feedbackAt: string | null;
      hotlineId: string;
      id: string;
      lastEntryAt: string | null;
      /** @description When the consultation took place */
      occurredAt: string;
      primaryTopic: string | null;
      /** @enum {string} */
      reason: 'high_risk' | 'trainee' | 'sample';
      /** @description The first verdict */
      reviewedAt: string | null;
      /** @enum {string|null} */
      riskLevel: 'none' | 'low' | 'medium' | 'high' | 'imminent' | null;
      /** @description When it entered the queue */
      selectedAt: string;
      signedOffAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'changes_requested' | 'answered' | 'signed_off';
      textsClearedAt: string | null;
      volunteerId: string;
      volunteerName: string | null;
    };
    ReviewEntryView: {
      at: string;
      authorId: string;
      authorName: string | null;
      id: string;
      /** @enum {string} */
      kind: 'comment' | 'changes_requested' | 'signed_off' | 'answer';
      /** @description Null for a sign-off without words, or once retention cleared it */
      text: string | null;
    };
    ReviewPage: {
      items: components['schemas']['ReviewSummary'][];
      offset: number;
      /** @description How many match, over every page */
      total: number;
    };
    ReviewSamplingDto: {
      /**
       * @description Percent of the consultations neither high-risk nor a trainee’s taken into the review queue
       * @example 10
       */
      samplePercent: number;
    };
    ReviewSummary: {
      /** @enum {string} */
      channel: 'phone' | 'face_to_face' | 'online';
      contactId: string;
      /** @description How many comments, verdicts and answers */
      entryCount: number;
      /** @description First written on by a supervisor */
      feedbackAt: string | null;
      hotlineId: string;
      id: string;
      lastEntryAt: string | null;
      /** @description When the consultation took place */
      occurredAt: string;
      primaryTopic: string | null;
      /** @enum {string} */
      reason: 'high_risk' | 'trainee' | 'sample';
      /** @description The first verdict */
      reviewedAt: string | null;
      /** @enum {string|null} */
      riskLevel: 'none' | 'low' | 'medium' | 'high' | 'imminent' | null;
      /** @description When it entered the queue */
      selectedAt: string;
      signedOffAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'changes_requested' | 'answered' | 'signed_off';
      volunteerId: string;
      volunteerName: string | null;
    };
    ReviewTextDto: {
      /** @description Confidential; encrypted */
      text: string;
    };
    RoomDto: {
      /** @description Default: your first hotline */
      hotlineId?: string;
      /** @example 咨询室 1 */
      name: string;
    };
    RoomView: {
      active: boolean;
      hotlineId: string;
      id: string;
      name: string;
    };
    RoutingSettingsDto: {
      /** @description Calls one number may make within callerLimitMinutes; the extra calls are refused (0: no limit) */
      callerLimitCalls?: number;
      /** @description The span of callerLimitCalls */
      callerLimitMinutes?: number;
      /** @description A crisis caller nobody has taken this long is forwarded to crisisLine */
      crisisForwardAfterSeconds?: number;
      /**
       * @description Where an unanswered crisis caller is forwarded (digits, optionally with +)
       * @example 12356
       */
      crisisLine?: string;
      /** @description An unacknowledged crisis alert is raised again this often while its caller waits */
      crisisRealertSeconds?: number;
      /** @description A crisis caller nobody has taken this long rings the supervisors on duty */
      crisisSupervisorAfterSeconds?: number;
      /** @description Live chats a volunteer may hold at once; a volunteer holding a chat is offered no call */
      maxChats?: number;
      maxQueueSize?: number;
      maxWaitSeconds?: number;
      /** @description A volunteer who missed or declined an offer is available again after this long */
      missedRecoverSeconds?: number;
      /** @description A waiting caller is offered a message or a call-back after this long */
      offerMessageAfterSeconds?: number;
      offerTimeoutSeconds?: number;
      skillFallbackSeconds?: number;
      /** @enum {string} */
      strategy?: 'longest_idle' | 'fewest_calls' | 'round_robin';
      /** @description The longest message a caller may leave */
      voicemailMaxSeconds?: number;
      wrapUpSeconds?: number;
    };
    RoutingSettingsView: {
      callerLimitCalls: number;
      callerLimitMinutes: number;
      crisisForwardAfterSeconds: number;
      crisisLine: string;
      crisisRealertSeconds: number;
      crisisSupervisorAfterSeconds: number;
      maxChats: number;
      maxQueueSize: number;
      maxWaitSeconds: number;
      missedRecoverSeconds: number;
      offerMessageAfterSeconds: number;
      offerTimeoutSeconds: number;
      skillFallbackSeconds: number;
      /** @enum {string} */
      strategy: 'longest_idle' | 'fewest_calls' | 'round_robin';
      voicemailMaxSeconds: number;
      wrapUpSeconds: number;
    };
    ServiceLevel: {
      answeredInTime: number;
      /** @description Percent of calls that left the queue */
      percent: number | null;
      thresholdSeconds: number;
    };
    ShareRow: {
      count: number;
      key: string;
      label: components['schemas']['LabelView'];
      /** @description Percent, one decimal; a block adds up to 100.0 */
      share: number;
    };
    ShiftTemplateDto: {
      /**
       * @description Local time, after startTime
       * @example 20:00
       */
      endTime: string;
      /** @description Default: your first hotline */
      hotlineId?: string;
      /** @example 早班 Early evening */
      name: string;
      /**
       * @description Local time
       * @example 18:00
       */
      startTime: string;
      supervisorsNeeded: number;
      /**
       * @description Only from this local date on
       * @example 2027-01-04
       */
      validFrom?: string;
      /**
       * @description Only until this local date
       * @example 2027-01-17
       */
      validTo?: string;
      volunteersNeeded: number;
      /**
       * @description ISO weekdays, 1 = Monday
       * @example [
       *       1,
       *       2,
       *       3,
       *       4,
       *       5,
       *       6,
       *       7
       *     ]
       */
      weekdays: string[];
    };
    ShiftTemplateView: {
      endTime: string;
      hotlineId: string;
      id: string;
      name: string;
      startTime: string;
      supervisorsNeeded: number;
      validFrom: string | null;
      validTo: string | null;
      volunteersNeeded: number;
      weekdays: number[];
    };
    ShiftView: {
      cancelled: boolean;
      endsAt: string;
      hotlineId: string;
      id: string;
      /** @example 2026-12-01 */
      localDate: string;
      /** @example 20:00 */
      localEnd: string;
      /** @example 18:00 */
      localStart: string;
      /** @description You are signed up */
      mine: boolean;
      /** @description Names of who is on it */
      signups: components['schemas']['SignupView'][];
      startsAt: string;
      supervisorsNeeded: number;
      supervisorsSigned: number;
      volunteersNeeded: number;
      volunteersSigned: number;
    };
    SignInView: {
      /** @description Send as "Authorization: Bearer <token>"; also authenticates the console socket */
      accessToken: string;
      expiresAt: string;
      /** @description True when your role must sign in with a two-factor code and you have not enrolled: the token only lets you enrol (POST /api/me/two-factor), see your profile and sign out */
      twoFactorEnrolmentRequired: boolean;
      volunteer: components['schemas']['VolunteerView'];
    };
    SignOffDto: {
      /** @description Confidential; encrypted */
      text?: string;
    };
    SignUpDto: {
      /**
       * @description Default: volunteer
       * @enum {string}
       */
      slot?: 'volunteer' | 'supervisor';
      /** @description Coordinators: sign someone else up */
      volunteerId?: string;
    };
    SignupView: {
      checkedInAt: string | null;
      minutesLate: number | null;
      name: string;
      noShow: boolean;
      /** @enum {string} */
      slot: 'volunteer' | 'supervisor';
      volunteerId: string;
    };
    SlotsView: {
      slots: components['schemas']['SlotView'][];
      timeZone: string;
    };
    SlotView: {
      end: string;
      /** @example 2026-11-24 */
      localDate: string;
      /** @example 14:00 */
      localTime: string;
      start: string;
    };
    StaffBookingDto: {
      /** @description The call during which the caller is booked */
      callId?: string;
      /** @enum {string} */
      childAgeBand?: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown';
      /** @enum {string} */
      childGrade?:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown';
      /**
       * @description A guardian agrees that we keep these details
       * @enum {boolean}
       */
      consent: true;
      description?: string;
      /** @description Default: your first hotline */
      hotlineId?: string;
      /**
       * @description Language of the text messages
       * @enum {string}
       */
      language: 'zh-CN' | 'en';
      /** @example 王女士 */
      parentName: string;
      /** @description Not needed with callId: the caller’s number is used */
      phone?: string;
      /**
       * @description A start from the slots list
       * @example 2026-11-24T06:00:00.000Z
       */
      start: string;
      /**
       * @description A top-level topic key
       * @example bullying
       */
      topic: string;
    };
    StaffBookingView: {
      callId: string | null;
      childAgeBand: string | null;
      childGrade: string | null;
      contactId: string | null;
      /** @description Single reads only (audited) */
      description?: string | null;
      end: string;
      expertId: string;
      expertName: string;
      hasPhone: boolean;
      hotlineId: string;
      id: string;
      language: string;
      /** @example 2026-11-24 */
      localDate: string;
      /** @example 14:00 */
      localTime: string;
      /** @description A text to the family failed: phone them */
      needsCall: boolean;
      parentName: string | null;
      /** @description Single reads only (audited) */
      phone?: string | null;
      reference: string;
      roomId: string;
      roomName: string;
      smsStatus: string | null;
      start: string;
      /** @enum {string} */
      status: 'held' | 'booked' | 'cancelled' | 'attended' | 'no_show';
      topic: string;
    };
    StatsReport: {
      callbacks: components['schemas']['CallbackFigures'];
      calls: components['schemas']['CallFigures'];
      chats: components['schemas']['OnlineChatFigures'];
      /** @description Counselling contacts only: non-counselling ones are counted apart */
      consultations: components['schemas']['ConsultationFigures'];
      crisis: components['schemas']['CrisisFigures'];
      hotlineId: string;
      nonCounselling: components['schemas']['NonCounsellingFigures'];
      period: components['schemas']['Period'];
      /** @description Case review of the period’s consultations */
      reviews: components['schemas']['SupervisionFigures'];
      /** @description The 12 months ending with the period */
      trend: components['schemas']['TrendMonth'][];
      volunteers: components['schemas']['VolunteerFigures'][];
    };
    SupervisionFigures: {
      /** @description Changes asked for and not answered yet */
      awaitingAnswer: number;
      /** @description Why: high risk, a trainee’s, sampled */
      byReason: components['schemas']['Block'];
      /** @description Median time from entering the queue to the first verdict */
      medianSecondsToReview: number | null;
      /** @description Of those, given a verdict (signed off or changes asked for) */
      reviewed: number;
      /** @description Reviewed ÷ selected, percent with one decimal */
      reviewedShare: number | null;
      /** @description Consultations of the period taken into the review queue */
      selected: number;
      signedOff: number;
    };
    SuppressedBlock: {
      rows: components['schemas']['SuppressedRow'][];
      total: number;
    };
    SuppressedRow: {
      /** @description Null: suppressed (small cell) */
      count: number | null;
      key: string;
      label: components['schemas']['UnitLabelView'];
      /** @description Percent of the block; null when suppressed */
      share: number | null;
    };
    SwitchDto: {
      /** @description true to turn it on, false to turn it off */
      on: boolean;
    };
    TaxonomyView: {
      topics: components['schemas']['TopicNodeView'][];
      version: number;
    };
    TimeRangeDto: {
      /** @example 22:00 */
      end: string;
      /** @example 18:00 */
      start: string;
    };
    TopicLabelView: {
      en: string;
      'zh-CN': string;
    };
    TopicNodeView: {
      /** @description Child Helpline International category (top level) */
      chi?: string;
      children?: components['schemas']['TopicNodeView'][];
      /** @description Stable key; a sub-topic's is `<top-level key>.<name>` */
      key: string;
      label: components['schemas']['TopicLabelView'];
      /** @description Key pressed in the phone menu (top level) */
      menu?: number;
    };
    TrainingCallView: {
      hotlineId: string;
      id: string;
      /**
       * @description answered: the volunteer took it; abandoned: it was not taken
       * @enum {string}
       */
      outcome?: 'answered' | 'abandoned';
      script: string[];
      /** @enum {string} */
      status: 'offered' | 'talking' | 'ended';
      topic: string;
      /** @enum {boolean} */
      training: true;
      volunteerId: string;
    };
    TransferDto: {
      /**
       * @description cold: back to the queue for `topic`, keeping the caller's priority and place; warm: the caller on hold, `volunteerId` is rung in to talk with you first (then complete or cancel)
       * @enum {string}
       */
      kind: 'cold' | 'warm';
      /**
       * @description cold: a top-level topic key (GET /api/taxonomy)
       * @enum {string}
       */
      topic?:
        | 'emotional'
        | 'learning'
        | 'parent_child'
        | 'behaviour'
        | 'peer_relations'
        | 'clinical'
        | 'self_harm_suicide'
        | 'violence_bullying'
        | 'other';
      /** @description warm: the colleague (an available volunteer or supervisor of the hotline) */
      volunteerId?: string;
    };
    TrendMonth: {
      abandonmentRate: number | null;
      answered: number;
      consultations: number;
      /** @example 2026-11 */
      month: string;
      offered: number;
      serviceLevel: number | null;
    };
    TwoFactorCodeDto: {
      /**
       * @description The 6-digit code your authenticator app shows
       * @example 123456
       */
      code: string;
    };
    TwoFactorEnrolmentView: {
      /**
       * @description For an authenticator app (usually shown as a QR code)
       * @example otpauth://totp/Hotline:wang%40hotline.example?secret=JBSWY3DPEHPK3PXP&issuer=Hotline&algorithm=SHA1&digits=6&period=30
       */
      otpauthUri: string;
      /**
       * @description The same secret in base32, for typing into the app by hand
       * @example JBSWY3DPEHPK3PXP
       */
      secret: string;
    };
    TypeCount: {
      count: number;
      /** @example silent */
      type: string;
    };
    UnitBreakdown: {
      rows: components['schemas']['BreakdownRow'][];
    };
    UnitCalls: {
      abandoned: number;
      answered: number;
      /** @description Calls that joined a queue */
      offered: number;
    };
    UnitComparison: {
      callsOffered: number;
      /** @description Change of consultations to this period, percent, one decimal; null when it had none */
      change: number | null;
      consultations: number;
      /** @example 2026-10-01 */
      from: string;
      /** @example 2026-10-31 */
      to: string;
    };
    UnitComparisons: {
      /** @description The period just before (month, year or as many days) */
      previous: components['schemas']['UnitComparison'];
      /** @description The same period a year before */
      yearBefore: components['schemas']['UnitComparison'];
    };
    UnitConsultations: {
      byAgeBand: components['schemas']['SuppressedBlock'];
      byCallerType: components['schemas']['SuppressedBlock'];
      byChannel: components['schemas']['SuppressedBlock'];
      byGender: components['schemas']['SuppressedBlock'];
      byOutcome: components['schemas']['SuppressedBlock'];
      byPrimaryTopic: components['schemas']['SuppressedBlock'];
      byPrimaryTopicGroup: components['schemas']['SuppressedBlock'];
      byRisk: components['schemas']['SuppressedBlock'];
      total: number;
    };
    UnitCrisisOverview: {
      name: string;
      openCases: number;
      overdueReports: number;
      rows: components['schemas']['CrisisOverviewRow'][];
      unitId: string;
    };
    UnitGrantSummary: {
      /** @enum {string} */
      role: 'volunteer' | 'supervisor' | 'coordinator' | 'admin';
      unitId: string;
    };
    UnitGrantView: {
      name: string;
      /** @enum {string} */
      role: 'coordinator' | 'supervisor';
      volunteerId: string;
    };
    UnitHotlineView: {
      id: string;
      name: string;
    };
    UnitLabelView: {
      en: string;
      'zh-CN': string;
    };
    UnitPeriod: {
      from: string;
      /** @enum {string} */
      kind: 'month' | 'year' | 'range';
      to: string;
    };
    UnitStatsReport: {
      /** @description By child unit, with complementary suppression */
      breakdown: components['schemas']['UnitBreakdown'];
      calls: components['schemas']['UnitCalls'];
      comparisons: components['schemas']['UnitComparisons'];
      consultations: components['schemas']['UnitConsultations'];
      /** @description Hotlines summed */
      hotlines: number;
      name: string;
      period: components['schemas']['UnitPeriod'];
      /** @description Counts from 1 to below this are suppressed (null) */
      smallCell: number;
      unitId: string;
    };
    UnitView: {
      /** @description Roles given at this unit */
      grants: components['schemas']['UnitGrantView'][];
      /** @description Hotlines directly in this unit */
      hotlines: components['schemas']['UnitHotlineView'][];
      id: string;
      /** @enum {string} */
      kind: 'province' | 'city' | 'county' | 'district' | 'school' | 'other';
      name: string;
      parentId: string | null;
    };
    UpdateContactDto: {
      /**
       * @description The child's age band
       * @enum {string}
       */
      ageBand?: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown';
      /** @enum {string} */
      callerType?: 'pupil' | 'parent' | 'teacher' | 'other';
      /**
       * @description A non-counselling contact (silent, prank, wrong number, hung up, abusive, test) needs no topic, risk or outcome, and is counted apart
       * @default counselling
       * @enum {string}
       */
      contactType:
        'counselling' | 'silent' | 'prank' | 'wrong_number' | 'hung_up' | 'abusive' | 'test';
      /** @example 西湖区 */
      district?: string;
      /** @enum {string} */
      gender?: 'female' | 'male' | 'other' | 'unknown';
      /** @enum {string} */
      grade?:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown';
      /** @description Confidential; encrypted */
      notes?: string;
      /**
       * @description Up to 2 more topic keys
       * @example [
       *       "learning.exam_stress"
       *     ]
       */
      otherTopics?: string[];
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      outcome?:
        | 'advice_given'
        | 'booked_face_to_face'
        | 'referred_to_hospital'
        | 'crisis_intervention'
        | 'callback_arranged';
      /**
       * @description A key from GET /api/taxonomy; for counselling contacts only
       * @example emotional.anxiety_stress
       */
      primaryTopic?: string;
      /**
       * @description For counselling contacts only
       * @enum {string}
       */
      riskLevel?: 'none' | 'low' | 'medium' | 'high' | 'imminent';
    };
    UpdateHotlineDto: {
      /** @description The live chat: canned replies, idle */
      chat?: components['schemas']['ChatSettingsDto'];
      /** @description Spoken when closed, after the opening hours: the emergency numbers */
      closedMessage?: string;
      closures?: components['schemas']['ClosureDto'][];
      /** @description Recorded prompts, played instead of spoken; the prompts not named are kept as they are */
      greetings?: components['schemas']['GreetingsDto'];
      /**
       * @default zh-CN
       * @enum {string}
       */
      locale: 'zh-CN' | 'en';
      /** @example 未成年人心理健康热线 */
      name?: string;
      /** @description Default: every day 18:00-22:00 */
      openingHours?: components['schemas']['OpeningHoursDto'];
      /**
       * @description The number callers dial (as Twilio sends it in To)
       * @example +8657112355
       */
      phoneNumber?: string;
      /**
       * @description People holding one of these roles on this hotline must sign in with a two-factor code; until enrolled, their sign-in only lets them enrol. Default: none
       * @example [
       *       "supervisor",
       *       "admin"
       *     ]
       */
      requireTwoFactorFor?: ('volunteer' | 'supervisor' | 'coordinator' | 'admin')[];
      routing?: components['schemas']['RoutingSettingsDto'];
      /**
       * @description The language that voice speaks the prompts in (Twilio's code); given with sayVoice
       * @example cmn-CN
       */
      sayLanguage?: string;
      /**
       * @description The voice that speaks the prompts, from Twilio's text-to-speech table; given with sayLanguage. Default: the locale's (Polly.Zhiyu-Neural for zh-CN, Polly.Joanna-Neural for en)
       * @example Polly.Zhiyu-Neural
       */
      sayVoice?: string;
      /**
       * @description IANA zone; default HOTLINE_TIMEZONE
       * @example Asia/Shanghai
       */
      timeZone?: string;
      /**
       * @description Volunteers may withdraw from a shift until this many hours before it
       * @default 24
       */
      withdrawCutoffHours: number;
    };
    UpdateMeDto: {
      /**
       * @default browser
       * @enum {string}
       */
      answerBy: 'browser' | 'phone';
      /**
       * @description BCP 47 language tags
       * @example [
       *       "zh-CN"
       *     ]
       */
      languages?: string[];
      /** @example 王老师 */
      name?: string;
      /**
       * @description Stored encrypted; used to ring calls when answerBy=phone; null removes it
       * @example +8613800138000
       */
      phone?: Record<string, never> | null;
    };
    UpdatePartnerDto: {
      /** @description False retires the partner from new referrals */
      active?: boolean;
      address?: string;
      /** @description Default: your first hotline */
      hotlineId?: string;
      /** @enum {string} */
      kind?: 'hospital' | 'service';
      /** @example 市第七人民医院 */
      name?: string;
      /** @example 0571-85126525 */
      phone?: string;
    };
    UpdateRoomDto: {
      /** @description false: no new bookings in this room */
      active?: boolean;
      name?: string;
    };
    UpdateShiftTemplateDto: {
      /**
       * @description Local time, after startTime
       * @example 20:00
       */
      endTime?: string;
      /** @description Default: your first hotline */
      hotlineId?: string;
      /** @example 早班 Early evening */
      name?: string;
      /**
       * @description Local time
       * @example 18:00
       */
      startTime?: string;
      supervisorsNeeded?: number;
      /**
       * @description Only from this local date on
       * @example 2027-01-04
       */
      validFrom?: string;
      /**
       * @description Only until this local date
       * @example 2027-01-17
       */
      validTo?: string;
      volunteersNeeded?: number;
      /**
       * @description ISO weekdays, 1 = Monday
       * @example [
       *       1,
       *       2,
       *       3,
       *       4,
       *       5,
       *       6,
       *       7
       *     ]
       */
      weekdays?: string[];
    };
    UpdateUnitDto: {
      /** @enum {string} */
      kind?: 'province' | 'city' | 'county' | 'district' | 'school' | 'other';
      name?: string;
      /** @description Move it, with everything below it, under this unit */
      parentId?: string;
    };
    UpdateVolunteerDto: {
      /** @description false deactivates: the person can no longer sign in; history stays. (phone: null removes the number) */
      active?: boolean;
      /**
       * @default browser
       * @enum {string}
       */
      answerBy: 'browser' | 'phone';
      /** @example wang@example.org */
      email?: string;
      /** @enum {string} */
      expertKind?: 'school_teacher' | 'university' | 'hospital' | 'counsellor' | 'trainee';
      /** @description Hotlines this person works for; default: the creator's hotlines */
      hotlineIds?: string[];
      /**
       * @description BCP 47 language tags
       * @example [
       *       "zh-CN"
       *     ]
       */
      languages?: string[];
      /** @example 王老师 */
      name?: string;
      /**
       * @description Stored encrypted; used to ring calls when answerBy=phone; null removes it
       * @example +8613800138000
       */
      phone?: Record<string, never> | null;
      /**
       * @example [
       *       "volunteer"
       *     ]
       */
      roles?: ('volunteer' | 'supervisor' | 'coordinator' | 'admin')[];
      /**
       * @description Twilio Client identity for the browser softphone
       * @example wang-laoshi
       */
      softphoneIdentity?: string;
      /**
       * @description Topic keys from GET /api/taxonomy
       * @example [
       *       "emotional",
       *       "learning"
       *     ]
       */
      topicSkills?: string[];
    };
    VoiceTokenView: {
      expiresAt: string;
      /** @description The Client identity calls are dialled to */
      identity: string;
      /** @description Twilio access token with a VoiceGrant for incoming calls */
      token: string;
    };
    VolunteerFigures: {
      callsAnswered: number;
      /** @description Hours signed in and not offline, one decimal */
      hoursOnDuty: number;
      name: string;
      /** @description Shifts of the period they signed up for and did not attend */
      noShows: number;
      volunteerId: string;
    };
    VolunteerPage: {
      items: components['schemas']['VolunteerView'][];
      limit: number;
      offset: number;
      total: number;
    };
    VolunteerView: {
      active: boolean;
      /** @enum {string} */
      answerBy: 'browser' | 'phone';
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deactivatedAt: string | null;
      email: string;
      /** @enum {string} */
      expertKind: 'school_teacher' | 'university' | 'hospital' | 'counsellor' | 'trainee';
      hasPhone: boolean;
      hotlineIds: string[];
      id: string;
      languages: string[];
      name: string;
      /** @description Only in single-volunteer reads (audited); lists show hasPhone */
      phone?: string | null;
      roles: ('volunteer' | 'supervisor' | 'coordinator' | 'admin')[];
      softphoneIdentity: string;
      topicSkills: string[];
      /** @description Signs in with a two-factor code (TOTP) */
      twoFactorEnabled: boolean;
      /** @description Roles held at units of the organisation (on your own profile) */
      unitGrants?: components['schemas']['UnitGrantSummary'][];
      /** Format: date-time */
      updatedAt: string;
    };
    WaitlistDto: {
      /** @enum {string} */
      childAgeBand?: 'under_6' | '6_11' | '12_14' | '15_17' | '18_plus' | 'unknown';
      /** @enum {string} */
      childGrade?:
        | 'kindergarten'
        | 'primary_1'
        | 'primary_2'
        | 'primary_3'
        | 'primary_4'
        | 'primary_5'
        | 'primary_6'
        | 'junior_1'
        | 'junior_2'
        | 'junior_3'
        | 'senior_1'
        | 'senior_2'
        | 'senior_3'
        | 'vocational'
        | 'not_in_school'
        | 'unknown';
      /**
       * @description A guardian agrees that we keep these details
       * @enum {boolean}
       */
      consent: true;
      /** @example 2026-11-24 */
      date: string;
      /**
       * @description Language of the text messages
       * @enum {string}
       */
      language: 'zh-CN' | 'en';
      /** @example 王女士 */
      parentName: string;
      /** @example 13812345678 */
      phone: string;
      /**
       * @description A top-level topic key
       * @example bullying
       */
      topic: string;
    };
    WaitlistOfferView: {
      end: string;
      expiresAt: string;
      /** @example 2026-11-24 */
      localDate: string;
      /** @example 14:00 */
      localTime: string;
      start: string;
    };
    WaitlistView: {
      date: string;
      /** @description 1 = next in line for that day */
      position: number;
    };
    WeeklyAvailabilityDto: {
      /**
       * @description Local time, after startTime
       * @example 17:00
       */
      endTime: string;
      /** @description Default: your first hotline */
      hotlineId?: string;
      /**
       * @description Local time
       * @example 14:00
       */
      startTime: string;
      /** @description The expert (a volunteer of the hotline) */
      volunteerId: string;
      /** @description ISO weekday, 1 = Monday */
      weekday: number;
    };
    WeeklyAvailabilityView: {
      endTime: string;
      id: string;
      startTime: string;
      volunteerId: string;
      weekday: number;
    };
    WrapUpView: {
      contact: components['schemas']['ContactView'];
      /** @description The crisis case this contact opened or joined */
      crisisCaseId?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ShiftsController_attendanceReport: {
    parameters: {
      query: {
        from: string;
        /** @description Default: your first hotline */
        hotlineId?: string;
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendanceRow'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        actorId?: string;
        limit?: components['schemas']['Object'];
        subjectId?: string;
        subjectType?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEventView'][];
        };
      };
      /** @description Needs the admin or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInView'];
        };
      };
      /** @description Email or password is wrong; or a two-factor code is needed (reason "two_factor_code_needed"), or the code is wrong or used already */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Too many failed attempts; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  AuthController_signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_availability: {
    parameters: {
      query?: {
        /** @description Default: your first hotline */
        hotlineId?: string;
        volunteerId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AvailabilityView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_addWeekly: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WeeklyAvailabilityDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WeeklyAvailabilityView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_removeWeekly: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_addDated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DatedAvailabilityDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DatedAvailabilityView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_removeDated: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_settings: {
    parameters: {
      query?: {
        /** @description Default: your first hotline */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingSettingsView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_changeSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BookingSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingSettingsView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_day: {
    parameters: {
      query: {
        date: string;
        /** @description Default: your first hotline */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StaffBookingView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_book: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StaffBookingDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookedView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor or coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The time is taken or not offered; `alternatives` lists free times */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingConflictView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_one: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StaffBookingView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_attendance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AttendanceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StaffBookingView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_attempt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallbackAttemptView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_wrapUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContactFieldsDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WrapUpView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No call-back of yours that reached someone */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_page: {
    parameters: {
      query?: {
        /** @description Whose call-backs; a volunteer only ever sees those assigned to them */
        assignee?: 'anyone' | 'me' | 'nobody';
        /** @description From a page before: its `nextCursor` */
        cursor?: string;
        /** @description Requested on or after this local day */
        from?: string;
        /** @description Only requests with (true) or without (false) a message */
        hasMessage?: boolean;
        /** @description Default: your first hotline */
        hotlineId?: string;
        limit?: number;
        /** @description Only open requests whose evening has passed */
        overdue?: boolean;
        source?: 'phone' | 'chat';
        /** @description open: oldest first; done and all: newest first */
        status?: 'open' | 'done' | 'all';
        /** @description Requested on or before this local day */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallbackPageView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_assign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CallbackAssignmentDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Done already, or a call-back of it is under way */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_attemptsOf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallbackAttemptView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_callBack: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallbackAttemptView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Not assigned to you, done, under way, no number; no telephony, nothing of yours can ring, or you are not free */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_done: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_message: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The message as MP3 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'audio/mpeg': string;
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such request that you may hear, or no message (any more) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_text: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallbackTextView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such request that you may read, or no written message (any more) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackDeskController_assignees: {
    parameters: {
      query?: {
        /** @description Default: your first hotline */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallbackAssigneeView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallersController_list: {
    parameters: {
      query?: {
        /** @description Your first hotline when left out */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlockView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, record or block on a hotline you supervise */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallersController_unblock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, record or block on a hotline you supervise */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallersController_blockCall: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BlockDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlockAndHangUpView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description A permanent block needs an admin
       *
       *     Needs the supervisor or admin role
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, record or block on a hotline you supervise */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The caller withheld their number */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallersController_callProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallerProfileView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, record or block on a hotline you supervise */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallersController_updateCallProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProfileChangesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallerProfileView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, record or block on a hotline you supervise */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ContactsController_callerHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_colleagues: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ColleagueView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Not your call, or not in a conversation */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallCrisisController_crisisNow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrisisNowView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No call of yours with this id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The call is over */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ContactsController_draft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactDraftView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No call whose draft you may read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ContactsController_saveDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContactDraftDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactDraftView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The contact of this call is already recorded */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_hold: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SwitchDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Not your call, or not in a conversation */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_live: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call on your hotlines, or you are not in it */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_join: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MonitorDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The call is not in a conversation, is your own, or nothing of yours can ring */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_leave: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description You are not in this call */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_mute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SwitchDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Not your call, or not in a conversation */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_takeOver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Not in a conversation, or you have not joined it */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_transfer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferDto'];
      };
    };
    responses: {
      /** @description warm: the call with the colleague ringing */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveCallView'];
        };
      };
      /** @description cold: the caller is back in the queue */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, or no such colleague on its hotline */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Not your call, not in a conversation, or the colleague is not available (why) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_cancelTransfer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No transfer under way */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  InCallController_completeTransfer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Handed over: the call is no longer yours */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No transfer under way, or the colleague has not answered */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ContactsController_wrapUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContactFieldsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WrapUpView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ChatsController_block: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BlockDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatBlockView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description A permanent block needs an admin
       *
       *     Needs the supervisor or admin role
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ChatsController_transcript: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatTranscriptView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such chat whose transcript you may read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ChatContactsController_wrapUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContactFieldsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WrapUpView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No chat answered by you */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ContactsController_list: {
    parameters: {
      query?: {
        /** @description Only records not categorised yet (false) or only done ones (true) */
        categorised?: boolean;
        channel?: 'phone' | 'face_to_face' | 'online';
        /** @description Occurred on or after (local date) */
        from?: string;
        hotlineId?: string;
        limit?: components['schemas']['Object'];
        risk?: 'none' | 'low' | 'medium' | 'high' | 'imminent';
        /** @description Occurred on or before (local date) */
        to?: string;
        /** @description Any topic of the contact; a top-level key covers its sub-topics */
        topic?: string;
        volunteerId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ContactsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateContactDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WrapUpView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ContactsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such record, or not one you may read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ContactsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateContactDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WrapUpView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallersController_blockContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BlockDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlockView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /**
       * @description A permanent block needs an admin
       *
       *     Needs the supervisor or admin role
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, record or block on a hotline you supervise */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The caller withheld their number */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallersController_contactProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallerProfileView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, record or block on a hotline you supervise */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallersController_updateContactProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProfileChangesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CallerProfileView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such call, record or block on a hotline you supervise */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_coverage: {
    parameters: {
      query: {
        from: string;
        /** @description Default: your first hotline */
        hotlineId?: string;
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoverageView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisAlertsController_acknowledge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Acknowledged (audited) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Another supervisor acknowledged it already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisCasesController_list: {
    parameters: {
      query?: {
        /** @description Only closed cases */
        closed?: boolean;
        /** @description Default: every hotline you work for */
        hotlineId?: string;
        limit?: components['schemas']['Object'];
        /** @description Skip this many cases (the next page) */
        offset?: components['schemas']['Object'];
        /** @description Only cases not closed yet */
        open?: boolean;
        /** @description Only cases whose report is late (open, not filed, past due) */
        overdue?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrisisCaseView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisCasesController_detail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrisisCaseDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisCasesController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseCaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrisisCaseDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No report yet, or already closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisCasesController_followUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FollowUpDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrisisCaseDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisCasesController_refer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReferralDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrisisCaseDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The case is closed, or the partner is retired */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisCasesController_report: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrisisCaseDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Already filed, or the case is closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisCasesController_reportDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportDraftView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the volunteer or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Already filed, or the case is closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CrisisCasesController_take: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CrisisCaseDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The case is closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HotlinesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HotlineView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HotlinesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateHotlineDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HotlineView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HotlinesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HotlineView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HotlinesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateHotlineDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HotlineView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  NoteRetentionController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NoteRetentionDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  NoteRetentionController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NoteRetentionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NoteRetentionDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewSamplingController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewSamplingDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewSamplingController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewSamplingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewSamplingDto'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HotlinesController_status: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HotlineStatusView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ImportsController_run: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
          hotlineId?: string;
          /** @enum {string} */
          kind?: 'records' | 'tallies';
          /** @enum {string} */
          mode?: 'dry-run' | 'commit';
          progressKey?: string;
          source?: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportReport'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description A commit of a file with problems: nothing added */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportRefusal'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ImportsController_progressOf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportProgressView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ImportsController_template: {
    parameters: {
      query?: {
        kind?: 'records' | 'tallies';
        language?: 'zh-CN' | 'en';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  MeController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VolunteerView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  MeController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VolunteerView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_createFeed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarFeedView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_revokeFeed: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallsController_offer: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OfferView'];
        };
      };
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  MeController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallsController_presence: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PresenceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PresenceView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description On a call, or in wrap-up: finish it first */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewsController_mine: {
    parameters: {
      query?: {
        limit?: components['schemas']['Object'];
        /** @description Skip this many (the next page) */
        offset?: components['schemas']['Object'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewPage'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShiftView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  TwoFactorController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TwoFactorEnrolmentView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Two-factor sign-in is already on */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  TwoFactorController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TwoFactorCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInView'];
        };
      };
      /** @description The code is wrong, or used already */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Two-factor sign-in is already on */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The offer timed out, was withdrawn or the caller hung up */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallsController_decline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PartnersController_list: {
    parameters: {
      query?: {
        /** @description Default: your first hotline */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartnerView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PartnersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePartnerDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartnerView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PartnersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePartnerDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartnerView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin or coordinator role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_options: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingOptionsView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_book: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublicBookingDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookedView'];
        };
      };
      /** @description The time is taken or not offered; `alternatives` lists free times */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingConflictView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_managed: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ManagedBookingView'];
        };
      };
      /** @description Unknown or replaced token */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CancelledView'];
        };
      };
      /** @description Past the cut-off: call the hotline */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_reschedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RescheduleDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookedView'];
        };
      };
      /** @description Taken, or past the cut-off; the booking is unchanged */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookingConflictView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicChatsController_leave: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChatLeftMessageDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatMessageLeftView'];
        };
      };
      /** @description A blocked device */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatRefusedView'];
        };
      };
      /** @description Too many requests from this address; wait a little */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicChatsController_open: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChatRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatOpenedView'];
        };
      };
      /** @description A blocked device (a chat in danger is still answered) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatRefusedView'];
        };
      };
      /** @description Closed now (the hours, the emergency numbers), or the queue is full */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['ChatClosedView'] | components['schemas']['ChatBusyView'];
        };
      };
      /** @description Too many requests from this address; wait a little */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicChatsController_hotline: {
    parameters: {
      query?: {
        /** @description Default: the first hotline */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatHotlineView'];
        };
      };
      /** @description Too many requests from this address; wait a little */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_offer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaitlistOfferView'];
        };
      };
      /** @description Ran out or already used */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookedView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_slots: {
    parameters: {
      query: {
        from: string;
        to: string;
        topic?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SlotsView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  PublicBookingsController_joinWaitlist: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WaitlistDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WaitlistView'];
        };
      };
      /** @description Too many requests from this address; wait a minute */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallsController_queue: {
    parameters: {
      query?: {
        /** @description Default: your first hotline */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewsController_list: {
    parameters: {
      query?: {
        /** @description Consultations from this local day */
        from?: string;
        /** @description Default: your first hotline */
        hotlineId?: string;
        limit?: components['schemas']['Object'];
        /** @description Skip this many (the next page) */
        offset?: components['schemas']['Object'];
        reason?: 'high_risk' | 'trainee' | 'sample';
        /** @description to_review: no verdict yet, or answered by the volunteer (oldest first) */
        status?: 'to_review' | 'pending' | 'changes_requested' | 'answered' | 'signed_off';
        /** @description Consultations up to this local day, included */
        to?: string;
        /** @description Only this volunteer’s consultations */
        volunteerId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewPage'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewsController_detail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No review you may read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewsController_answer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewTextDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewsController_comment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewTextDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewsController_requestChanges: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewTextDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Changes are already asked for */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ReviewsController_signOff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignOffDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewDetail'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Already signed off */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_rooms: {
    parameters: {
      query?: {
        /** @description Default: your first hotline */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoomView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_createRoom: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoomDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoomView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  BookingsController_updateRoom: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRoomDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoomView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_templates: {
    parameters: {
      query?: {
        /** @description Default: your first hotline */
        hotlineId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShiftTemplateView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin or supervisor role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_createTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ShiftTemplateDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShiftTemplateView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_updateTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateShiftTemplateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShiftTemplateView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_list: {
    parameters: {
      query: {
        from: string;
        /** @description Default: your first hotline */
        hotlineId?: string;
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShiftView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_change: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeShiftDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShiftView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description More people are signed up than the new headcount */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShiftView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_signUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignUpDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShiftView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Full, started, overlapping, cancelled, or the wrong role */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        volunteerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_correct: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        volunteerId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AttendanceCorrectionDto'];
      };
    };
    responses: {
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  ShiftsController_generate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GenerateShiftsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GenerateResult'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  StatsController_monthly: {
    parameters: {
      query: {
        /** @description Or send Accept: text/csv */
        format?: 'json' | 'csv';
        /** @description Default: your first hotline */
        hotlineId?: string;
        month: string;
        /** @description Answered within this many seconds counts towards the service level (default 20) */
        serviceLevelSeconds?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatsReport'];
          'text/csv': components['schemas']['StatsReport'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  StatsController_range: {
    parameters: {
      query: {
        /** @description Or send Accept: text/csv */
        format?: 'json' | 'csv';
        /** @description First local day, included */
        from: string;
        /** @description Default: your first hotline */
        hotlineId?: string;
        /** @description Answered within this many seconds counts towards the service level (default 20) */
        serviceLevelSeconds?: number;
        /** @description Last local day, included */
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatsReport'];
          'text/csv': components['schemas']['StatsReport'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  StatsController_yearly: {
    parameters: {
      query: {
        /** @description Or send Accept: text/csv */
        format?: 'json' | 'csv';
        /** @description Default: your first hotline */
        hotlineId?: string;
        /** @description Answered within this many seconds counts towards the service level (default 20) */
        serviceLevelSeconds?: number;
        year: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatsReport'];
          'text/csv': components['schemas']['StatsReport'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  TaxonomyController_taxonomy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaxonomyView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  TrainingCallsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTrainingCallDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No such volunteer on your hotlines */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The volunteer is not available now */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  TrainingCallsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  TrainingCallsController_end: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingCallView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description It has ended already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUnitDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUnitDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitStatsController_crisis: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitCrisisOverview'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitsController_moveHotline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        hotlineId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitsController_grant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GrantUnitRoleDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitsController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GrantUnitRoleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitView'][];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitStatsController_monthly: {
    parameters: {
      query: {
        month: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitStatsReport'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitStatsController_range: {
    parameters: {
      query: {
        /** @description First local day, included */
        from: string;
        /** @description Last local day, included */
        to: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitStatsReport'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  UnitStatsController_yearly: {
    parameters: {
      query: {
        year: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnitStatsReport'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or supervisor or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceTokenController_token: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VoiceTokenView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The softphone is not configured on this server */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VolunteersController_list: {
    parameters: {
      query?: {
        /** @description true: active only; false: deactivated only; absent: both */
        active?: boolean;
        hotlineId?: string;
        limit?: components['schemas']['Object'];
        offset?: components['schemas']['Object'];
        /** @description Part of a name or email */
        q?: string;
        role?: 'volunteer' | 'supervisor' | 'coordinator' | 'admin';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VolunteerPage'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VolunteersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateVolunteerDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VolunteerView'];
        };
      };
      /** @description Invalid fields, listed by name */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Email or softphone identity already in use */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VolunteersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VolunteerView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VolunteersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateVolunteerDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VolunteerView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VolunteersController_resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallsController_moveVolunteer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PresenceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PresenceView'];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description Needs the supervisor or coordinator or admin role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description The volunteer is on a call */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CalendarFeedController_feed: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  HealthController_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthView'];
        };
      };
      /** @description The database does not answer */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  SmsStatusController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Empty TwiML */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/xml': unknown;
        };
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_callback: {
    parameters: {
      query: {
        reason: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackWebhooksController_caller: {
    parameters: {
      query: {
        attempt: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackWebhooksController_legEnded: {
    parameters: {
      query: {
        attempt: string;
        leg: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  CallbackWebhooksController_volunteer: {
    parameters: {
      query: {
        attempt: string;
        step: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_choice: {
    parameters: {
      query: {
        reason: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_conferenceEvent: {
    parameters: {
      query: {
        call: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_legEnded: {
    parameters: {
      query: {
        call: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_connect: {
    parameters: {
      query: {
        call: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_dialResult: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_incoming: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  LadderWebhooksController_caller: {
    parameters: {
      query: {
        call: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  LadderWebhooksController_forward: {
    parameters: {
      query: {
        call: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  LadderWebhooksController_supervisor: {
    parameters: {
      query: {
        call: string;
        supervisor: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  LadderWebhooksController_take: {
    parameters: {
      query: {
        call: string;
        supervisor: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_menu: {
    parameters: {
      query: {
        step: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_queueResult: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_recorded: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_recording: {
    parameters: {
      query: {
        reason: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_screen: {
    parameters: {
      query: {
        call: string;
        step: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_wait: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
  VoiceWebhooksController_waitChoice: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or wrong X-Twilio-Signature */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
      /** @description An error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorView'];
        };
      };
    };
  };
}
