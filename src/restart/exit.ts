// The exit code that asks bin/fion's supervisor to run Fion again (sysexits' EX_TEMPFAIL).
export const EXIT_RESTART = 75;
