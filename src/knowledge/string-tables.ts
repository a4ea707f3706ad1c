/**
 * Name tables of systemd 252 that value grammars look names up in (its DEFINE_STRING_TABLE_LOOKUP tables),
 * read from the systemd-stable 252 sources; each list names its file. Lookups there are exact (case matters).
 */

/** Partition designators: partition_designator_table[] in src/shared/dissect-image.c. */
export const PARTITION_DESIGNATORS: readonly string[] = [
  "root",
  "root-secondary",
  "root-other",
  "usr",
  "usr-secondary",
  "usr-other",
  "home",
  "srv",
  "esp",
  "xbootldr",
  "swap",
  "root-verity",
  "root-secondary-verity",
  "root-other-verity",
  "usr-verity",
  "usr-secondary-verity",
  "usr-other-verity",
  "root-verity-sig",
  "root-secondary-verity-sig",
  "root-other-verity-sig",
  "usr-verity-sig",
  "usr-secondary-verity-sig",
  "usr-other-verity-sig",
  "tmp",
  "var",
];

/** cgroup BPF attach types BPFProgram= takes: bpf_cgroup_attach_type_table[] in src/shared/bpf-program.c. */
export const BPF_CGROUP_ATTACH_TYPES: readonly string[] = [
  "ingress",
  "egress",
  "sock_create",
  "sock_ops",
  "device",
  "bind4",
  "bind6",
  "connect4",
  "connect6",
  "post_bind4",
  "post_bind6",
  "sendmsg4",
  "sendmsg6",
  "sysctl",
  "recvmsg4",
  "recvmsg6",
  "getsockopt",
  "setsockopt",
];

/**
 * Personality= (personality_from_string() in src/basic/process-util.c): an architecture name of
 * architecture_table[] (src/basic/architecture.c) is only taken when it is the native architecture of the machine
 * systemd was built for, or that build's secondary one (ARCHITECTURE_SECONDARY in src/basic/architecture.h:
 * x86 on x86-64, arm on little-endian arm64, ppc on ppc64, ppc-le on ppc64-le, s390 on s390x). Here: for each
 * name, the native architectures whose systemd 252 takes it. cris, parisc64 and sh64 get none: architecture.h
 * stops the build there (#error "Missing LIB_ARCH_TUPLE"), and 32-bit little-endian ppc-le builds likewise, so
 * ppc-le is only taken as ppc64-le's secondary architecture.
 */
export const PERSONALITY_HOSTS: Readonly<Record<string, readonly string[]>> = {
  arm64: ["arm64"],
  "arm64-be": ["arm64-be"],
  arm: ["arm", "arm64"],
  "arm-be": ["arm-be"],
  alpha: ["alpha"],
  arc: ["arc"],
  "arc-be": ["arc-be"],
  cris: [],
  "x86-64": ["x86-64"],
  x86: ["x86", "x86-64"],
  ia64: ["ia64"],
  loongarch64: ["loongarch64"],
  m68k: ["m68k"],
  "mips64-le": ["mips64-le"],
  mips64: ["mips64"],
  "mips-le": ["mips-le"],
  mips: ["mips"],
  nios2: ["nios2"],
  parisc64: [],
  parisc: ["parisc"],
  "ppc64-le": ["ppc64-le"],
  ppc64: ["ppc64"],
  ppc: ["ppc", "ppc64"],
  "ppc-le": ["ppc64-le"],
  riscv32: ["riscv32"],
  riscv64: ["riscv64"],
  s390x: ["s390x"],
  s390: ["s390", "s390x"],
  sh64: [],
  sh: ["sh"],
  sparc64: ["sparc64"],
  sparc: ["sparc"],
  tilegx: ["tilegx"],
};

/** The architecture unitlint judges host-dependent values for: the one its other tables (system calls) are for. */
export const REFERENCE_HOST = "x86-64";
