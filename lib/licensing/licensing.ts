// Pure rules for license keys: no I/O, time passed in. A credential's own rules are in lib/credentials.

/** The buyer may see the key on the confirmation page (and it may be emailed) within this window. */
export const KEY_REVEAL_WINDOW_MS = 24 * 60 * 60 * 1000;
