import type { Rule } from "../types.js";
import forkingWithoutPidfile from "./forking-without-pidfile.js";
import homeWithProtectHome from "./home-with-protect-home.js";
import loginShellWrapper from "./login-shell-wrapper.js";
import multipleExecstart from "./multiple-execstart.js";
import relativeExecutable from "./relative-executable.js";
import reloadNotSupported from "./reload-not-supported.js";
import reloadWithoutMainpid from "./reload-without-mainpid.js";
import shellSyntax from "./shell-syntax.js";
import variableNotExpanded from "./variable-not-expanded.js";

export const execRules: Rule[] = [
  forkingWithoutPidfile,
  homeWithProtectHome,
  loginShellWrapper,
  multipleExecstart,
  relativeExecutable,
  reloadNotSupported,
  reloadWithoutMainpid,
  shellSyntax,
  variableNotExpanded,
];
