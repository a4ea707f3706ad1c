/**
 * The systemd release whose parser and verdicts the knowledge tables reproduce: values, refusals and the
 * exposure score are judged as this release judges them (measured against its systemd-analyze). A target
 * (`--target-systemd`, `targetSystemd`) adds checks for older releases on top; it does not change the verdicts.
 */
export const REFERENCE_SYSTEMD = 252;
