/** Domain operations raise the kernel's typed errors; this module keeps their historical import path. */
export * from '../kernel/errors';
