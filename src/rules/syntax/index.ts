import type { Rule } from "../types.js";
import assignmentOutsideSection from "./assignment-outside-section.js";
import continuationAtEof from "./continuation-at-eof.js";
import includeDirective from "./include-directive.js";
import invalidLine from "./invalid-line.js";
import invalidSectionHeader from "./invalid-section-header.js";
import invalidUtf8 from "./invalid-utf8.js";
import lineTooLong from "./line-too-long.js";
import unknownSection from "./unknown-section.js";

export const syntaxRules: Rule[] = [
  assignmentOutsideSection,
  continuationAtEof,
  includeDirective,
  invalidLine,
  invalidSectionHeader,
  invalidUtf8,
  lineTooLong,
  unknownSection,
];
