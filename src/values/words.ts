// systemd's word splitting is lexing and lives in src/parser/words.ts; this name stays for the rules that import it.
export { splitWords, type Word } from "../parser/words.js";
