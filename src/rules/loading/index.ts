import type { Rule } from "../types.js";
import dbusWithoutBusname from "./dbus-without-busname.js";
import emptyUnit from "./empty-unit.js";
import invalidCommand from "./invalid-command.js";
import invalidPath from "./invalid-path.js";
import invalidUserGroup from "./invalid-user-group.js";
import isolateSeveralUnits from "./isolate-several-units.js";
import mountSettings from "./mount-settings.js";
import oneshotConflict from "./oneshot-conflict.js";
import pamKillMode from "./pam-kill-mode.js";
import pathWithoutTrigger from "./path-without-trigger.js";
import scopeFile from "./scope-file.js";
import serviceWithoutStart from "./service-without-start.js";
import sliceName from "./slice-name.js";
import socketAcceptConflict from "./socket-accept-conflict.js";
import socketSymlinks from "./socket-symlinks.js";
import socketWithoutListen from "./socket-without-listen.js";

/** Settings for which systemd 252 refuses to load a unit at all (the *_verify() checks and fatal parse errors). */
export const loadingRules: Rule[] = [
  dbusWithoutBusname,
  emptyUnit,
  invalidCommand,
  invalidPath,
  invalidUserGroup,
  isolateSeveralUnits,
  mountSettings,
  oneshotConflict,
  pamKillMode,
  pathWithoutTrigger,
  scopeFile,
  serviceWithoutStart,
  sliceName,
  socketAcceptConflict,
  socketSymlinks,
  socketWithoutListen,
];
