/**
 * Value kinds: which grammar checks a setting's value, chosen by systemd 252's parser for it
 * (DirectiveInfo.parser) rather than by the prose of its value type.
 */
import type { DirectiveInfo } from "../knowledge/directives.js";
import { bindPaths } from "./bind-paths.js";
import { cpuSet } from "./cpu-set.js";
import { loadCredential, setCredential } from "./credentials.js";
import { deviceAllow } from "./device-allow.js";
import { ioDeviceLatency, ioDeviceWeight, ioLimit } from "./device-io.js";
import { envNames } from "./env-names.js";
import { execLine } from "./exec-line.js";
import { busName, coredumpFilter, fdName, inputData, inputText, interfaceName, logNamespace, rootHash, rootHashSignature } from "./names.js";
import { bpfForeignProgram } from "./bpf-program.js";
import { extensionImages, mountImages, rootImageOptions } from "./images.js";
import { personality } from "./personality.js";
import { documentationUrls, logExtraFields, pressureLimit, searchPath } from "./misc-lists.js";
import { ipPrefixes } from "./ip-prefix.js";
import {
  addressFamilies,
  capabilities,
  delegate,
  disableControllers,
  networkInterfaces,
  restrictFileSystems,
  restrictNamespaces,
  secureBits,
  syscallArchitectures,
  syscallErrno,
  syscallFilter,
  syscallLog,
} from "./name-lists.js";
import { absolutePaths, bpfProgramPath, execDirectories, namespacePaths, singlePath, temporaryFileSystems } from "./path-list.js";
import type { ValueProblem } from "./problem.js";
import { rlimit } from "./rlimit.js";
import { iecSize, memoryLimit } from "./size.js";
import { listenAddress } from "./socket-address.js";
import { unitReference } from "./unit-refs.js";
import { socketBind } from "./socket-bind.js";

export type ValueKind =
  | "ip-prefixes"
  | "bind-paths"
  | "cpu-set"
  | "cpu-affinity"
  | "numa-mask"
  | "device-allow"
  | "address-families"
  | "syscall-filter"
  | "syscall-log"
  | "syscall-errno"
  | "syscall-archs"
  | "namespaces"
  | "filesystems"
  | "capabilities"
  | "socket-bind"
  | "absolute-path-list"
  | "relative-path-list"
  | "env-names"
  | "rlimit"
  | "memory-limit"
  | "iec-size"
  | "temporary-filesystems"
  | "network-interfaces"
  | "secure-bits"
  | "delegate"
  | "disable-controllers"
  | "io-device-weight"
  | "io-limit"
  | "io-device-latency"
  | "bpf-program-path"
  | "load-credential"
  | "set-credential"
  | "listen-address"
  | "single-path"
  | "absolute-paths"
  | "unit-reference"
  | "exec-line"
  | "pressure-limit"
  | "log-fields"
  | "documentation"
  | "search-path"
  | "bus-name"
  | "interface-name"
  | "log-namespace"
  | "coredump-filter"
  | "root-hash"
  | "root-hash-sig"
  | "input-data"
  | "input-text"
  | "fd-name"
  | "mount-images"
  | "extension-images"
  | "root-image-options"
  | "bpf-foreign-program"
  | "personality";

const BY_PARSER: Record<string, ValueKind> = {
  in_addr_prefixes: "ip-prefixes",
  bind_paths: "bind-paths",
  allowed_cpuset: "cpu-set",
  exec_cpu_affinity: "cpu-affinity",
  numa_mask: "numa-mask",
  device_allow: "device-allow",
  address_families: "address-families",
  syscall_filter: "syscall-filter",
  syscall_log: "syscall-log",
  syscall_errno: "syscall-errno",
  syscall_archs: "syscall-archs",
  restrict_namespaces: "namespaces",
  restrict_filesystems: "filesystems",
  capability_set: "capabilities",
  cgroup_socket_bind: "socket-bind",
  namespace_path_strv: "absolute-path-list",
  exec_directories: "relative-path-list",
  pass_environ: "env-names",
  unset_environ: "env-names",
  rlimit: "rlimit",
  memory_limit: "memory-limit",
  iec_size: "iec-size",
  temporary_filesystems: "temporary-filesystems",
  restrict_network_interfaces: "network-interfaces",
  exec_secure_bits: "secure-bits",
  delegate: "delegate",
  disable_controllers: "disable-controllers",
  io_device_weight: "io-device-weight",
  io_limit: "io-limit",
  io_device_latency: "io-device-latency",
  ip_filter_bpf_progs: "bpf-program-path",
  load_credential: "load-credential",
  set_credential: "set-credential",
  socket_listen: "listen-address",
  unit_condition_path: "single-path",
  path_spec: "single-path",
  unit_env_file: "single-path",
  unit_path_printf: "single-path",
  pid_file: "single-path",
  working_directory: "single-path",
  unit_requires_mounts_for: "absolute-paths",
  unit_path_strv_printf: "absolute-paths",
  trigger_unit: "unit-reference",
  socket_service: "unit-reference",
  service_sockets: "unit-reference",
  unit_slice: "unit-reference",
  exec: "exec-line",
  managed_oom_mem_pressure_limit: "pressure-limit",
  log_extra_fields: "log-fields",
  documentation: "documentation",
  colon_separated_paths: "search-path",
  bus_name: "bus-name",
  socket_bindtodevice: "interface-name",
  log_namespace: "log-namespace",
  exec_coredump_filter: "coredump-filter",
  exec_root_hash: "root-hash",
  exec_root_hash_sig: "root-hash-sig",
  exec_input_data: "input-data",
  exec_input_text: "input-text",
  fdname: "fd-name",
  mount_images: "mount-images",
  extension_images: "extension-images",
  root_image_options: "root-image-options",
  bpf_foreign_program: "bpf-foreign-program",
  personality: "personality",
};

export function valueKind(info: DirectiveInfo): ValueKind | undefined {
  return BY_PARSER[info.parser];
}

type KindValidator = (value: string, setting: string, ltype: string, parser: string) => ValueProblem | null;

export const KIND_VALIDATORS: Record<ValueKind, KindValidator> = {
  "ip-prefixes": ipPrefixes,
  "bind-paths": bindPaths,
  "cpu-set": (v) => cpuSet(v),
  "cpu-affinity": (v) => cpuSet(v, "numa"),
  "numa-mask": (v) => cpuSet(v, "all", false),
  "device-allow": deviceAllow,
  "address-families": addressFamilies,
  "syscall-filter": syscallFilter,
  "syscall-log": syscallLog,
  "syscall-errno": syscallErrno,
  "syscall-archs": syscallArchitectures,
  namespaces: restrictNamespaces,
  filesystems: restrictFileSystems,
  capabilities,
  "socket-bind": socketBind,
  "absolute-path-list": namespacePaths,
  "relative-path-list": execDirectories,
  "env-names": envNames,
  rlimit,
  "memory-limit": memoryLimit,
  "iec-size": iecSize,
  "temporary-filesystems": temporaryFileSystems,
  "network-interfaces": networkInterfaces,
  "secure-bits": secureBits,
  delegate,
  "disable-controllers": disableControllers,
  "io-device-weight": ioDeviceWeight,
  "io-limit": ioLimit,
  "io-device-latency": ioDeviceLatency,
  "bpf-program-path": bpfProgramPath,
  "load-credential": loadCredential,
  "set-credential": setCredential,
  "listen-address": listenAddress,
  "single-path": (v, setting, _ltype, parser) => singlePath(v, setting, parser),
  "absolute-paths": absolutePaths,
  "unit-reference": (v, setting, _ltype, parser) => unitReference(v, setting, parser),
  "exec-line": (v) => execLine(v),
  "pressure-limit": (v) => pressureLimit(v),
  "log-fields": logExtraFields,
  documentation: (v) => documentationUrls(v),
  "search-path": searchPath,
  "bus-name": (v) => busName(v),
  "interface-name": (v) => interfaceName(v),
  "log-namespace": (v) => logNamespace(v),
  "coredump-filter": (v) => coredumpFilter(v),
  "root-hash": (v) => rootHash(v),
  "root-hash-sig": (v) => rootHashSignature(v),
  "input-data": (v) => inputData(v),
  "input-text": (v) => inputText(v),
  "fd-name": (v) => fdName(v),
  "mount-images": mountImages,
  "extension-images": extensionImages,
  "root-image-options": rootImageOptions,
  "bpf-foreign-program": bpfForeignProgram,
  personality: (v) => personality(v),
};
