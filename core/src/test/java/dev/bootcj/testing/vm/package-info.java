/**
 * Test tooling for whole-machine tests: a qemu (TCG, no network) virtual machine driven through its serial
 * console ({@link dev.bootcj.testing.vm.QemuVm}), and the bootable Debian test image and oracle disks built by
 * the scripts under {@code images/} ({@link dev.bootcj.testing.vm.TestImages}).
 *
 * <p>Used by tests tagged {@code vm}, which run only with {@code -Dbootcj.vm=true} (root, loop devices,
 * qemu-system-x86, ovmf, mmdebstrap). Nothing here is product code.
 */
package dev.bootcj.testing.vm;
