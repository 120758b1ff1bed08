/**
 * The bootc host API: {@code BootcHost} documents of {@code org.containers.bootc/v1}, as records mirroring upstream bootc's {@code spec.rs}, and the one configured JSON and YAML mapper. Exported; used by every command and by callers that read or edit a host's spec.
 */
package dev.bootcj.spec;
