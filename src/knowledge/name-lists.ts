/**
 * Name lists systemd 252 (Debian 252.38, libseccomp 2.5.4) checks values against, beyond those in
 * seccomp.generated.ts. Found with the installed systemd-analyze verify as the judge: every identifier in
 * libseccomp.so as a SystemCallFilter=~NAME line, every E* macro of <errno.h> as a SystemCallErrorNumber= line;
 * the lists hold the names it accepted. Refresh them the same way when the reference systemd changes.
 */

/** System-call names libseccomp resolves on x86-64 that have no x86-64 number (other architectures' calls). */
export const FOREIGN_SYSCALL_NAMES: readonly string[] = [
  "_llseek", "_newselect", "arm_fadvise64_64", "arm_sync_file_range", "bdflush", "break", "breakpoint", "cachectl",
  "cacheflush", "cachestat", "chown32", "clock_adjtime64", "clock_getres_time64", "clock_gettime64",
  "clock_nanosleep_time64", "clock_settime64", "fadvise64_64", "fchmodat2", "fchown32", "fcntl64", "fstat64",
  "fstatat64", "fstatfs64", "ftime", "ftruncate64", "futex_requeue", "futex_time64", "futex_wait", "futex_wake",
  "get_tls", "getegid32", "geteuid32", "getgid32", "getgroups32", "getresgid32", "getresuid32", "getuid32", "gtty",
  "idle", "io_pgetevents_time64", "ipc", "lchown32", "lock", "lstat64", "map_shadow_stack", "mmap2", "mpx",
  "mq_timedreceive_time64", "mq_timedsend_time64", "multiplexer", "nice", "oldfstat", "oldlstat", "oldolduname",
  "oldstat", "olduname", "pciconfig_iobase", "pciconfig_read", "pciconfig_write", "ppoll_time64", "prof", "profil",
  "pselect6_time64", "readdir", "recv", "recvmmsg_time64", "riscv_flush_icache", "rt_sigtimedwait_time64", "rtas",
  "s390_guarded_storage", "s390_pci_mmio_read", "s390_pci_mmio_write", "s390_runtime_instr", "s390_sthyi",
  "sched_rr_get_interval_time64", "semtimedop_time64", "send", "sendfile64", "set_tls", "setfsgid32", "setfsuid32",
  "setgid32", "setgroups32", "setregid32", "setresgid32", "setresuid32", "setreuid32", "setuid32", "sgetmask",
  "sigaction", "signal", "sigpending", "sigprocmask", "sigreturn", "sigsuspend", "socketcall", "spu_create",
  "spu_run", "ssetmask", "stat64", "statfs64", "stime", "stty", "subpage_prot", "swapcontext", "switch_endian",
  "sync_file_range2", "sys_debug_setcontext", "syscall", "sysmips", "timer_gettime64", "timer_settime64", "timerfd",
  "timerfd_gettime64", "timerfd_settime64", "truncate64", "ugetrlimit", "ulimit", "umount", "usr26", "usr32",
  "utimensat_time64", "vm86", "vm86old", "waitpid",
];

/** errno names (errno_from_name(), matched without regard to case). */
export const ERRNO_NAMES: readonly string[] = [
  "E2BIG", "EACCES", "EADDRINUSE", "EADDRNOTAVAIL", "EADV", "EAFNOSUPPORT", "EAGAIN", "EALREADY", "EBADE", "EBADF",
  "EBADFD", "EBADMSG", "EBADR", "EBADRQC", "EBADSLT", "EBFONT", "EBUSY", "ECANCELED", "ECHILD", "ECHRNG", "ECOMM",
  "ECONNABORTED", "ECONNREFUSED", "ECONNRESET", "EDEADLK", "EDEADLOCK", "EDESTADDRREQ", "EDOM", "EDOTDOT", "EDQUOT",
  "EEXIST", "EFAULT", "EFBIG", "EHOSTDOWN", "EHOSTUNREACH", "EHWPOISON", "EIDRM", "EILSEQ", "EINPROGRESS", "EINTR",
  "EINVAL", "EIO", "EISCONN", "EISDIR", "EISNAM", "EKEYEXPIRED", "EKEYREJECTED", "EKEYREVOKED", "EL2HLT", "EL2NSYNC",
  "EL3HLT", "EL3RST", "ELIBACC", "ELIBBAD", "ELIBEXEC", "ELIBMAX", "ELIBSCN", "ELNRNG", "ELOOP", "EMEDIUMTYPE",
  "EMFILE", "EMLINK", "EMSGSIZE", "EMULTIHOP", "ENAMETOOLONG", "ENAVAIL", "ENETDOWN", "ENETRESET", "ENETUNREACH",
  "ENFILE", "ENOANO", "ENOBUFS", "ENOCSI", "ENODATA", "ENODEV", "ENOENT", "ENOEXEC", "ENOKEY", "ENOLCK", "ENOLINK",
  "ENOMEDIUM", "ENOMEM", "ENOMSG", "ENONET", "ENOPKG", "ENOPROTOOPT", "ENOSPC", "ENOSR", "ENOSTR", "ENOSYS",
  "ENOTBLK", "ENOTCONN", "ENOTDIR", "ENOTEMPTY", "ENOTNAM", "ENOTRECOVERABLE", "ENOTSOCK", "ENOTSUP", "ENOTTY",
  "ENOTUNIQ", "ENXIO", "EOPNOTSUPP", "EOVERFLOW", "EOWNERDEAD", "EPERM", "EPFNOSUPPORT", "EPIPE", "EPROTO",
  "EPROTONOSUPPORT", "EPROTOTYPE", "ERANGE", "EREMCHG", "EREMOTE", "EREMOTEIO", "ERESTART", "ERFKILL", "EROFS",
  "ESHUTDOWN", "ESOCKTNOSUPPORT", "ESPIPE", "ESRCH", "ESRMNT", "ESTALE", "ESTRPIPE", "ETIME", "ETIMEDOUT",
  "ETOOMANYREFS", "ETXTBSY", "EUCLEAN", "EUNATCH", "EUSERS", "EWOULDBLOCK", "EXDEV", "EXFULL",
];
