/**
 * Operating-system errors in a planner's words. Node's messages are English and technical
 * ("EACCES: permission denied, scandir '…'"); the code in parentheses helps the administrator.
 */
const CAUSES: Record<string, string> = {
  ENOENT: 'no existe (revise la ruta)',
  EACCES: 'no tiene permiso (pida acceso o use otra carpeta)',
  EPERM: 'la operación no está permitida (revise permisos y que no esté bloqueado)',
  ENOSPC: 'el disco está lleno (libere espacio o use otro disco)',
  EDQUOT: 'se agotó la cuota de disco del usuario (libere espacio)',
  EROFS: 'el disco o la carpeta es de solo lectura (use otra carpeta)',
  EEXIST: 'ya existe un archivo con ese nombre',
  ENOTDIR: 'una parte de la ruta es un archivo, no una carpeta',
  EISDIR: 'es una carpeta, no un archivo',
  EBUSY: 'está en uso por otro programa (ciérrelo, por ejemplo Excel, y vuelva a intentarlo)',
  ETXTBSY: 'está en uso por otro programa (ciérrelo y vuelva a intentarlo)',
  EMFILE: 'hay demasiados archivos abiertos (vuelva a intentarlo con menos archivos)',
  ENFILE: 'hay demasiados archivos abiertos en el sistema (vuelva a intentarlo más tarde)',
  ENAMETOOLONG: 'el nombre o la ruta es demasiado largo (acórtelo)',
  ELOOP: 'la ruta tiene enlaces simbólicos en círculo',
  EIO: 'error de lectura o escritura del disco (revise el disco o la unidad de red)',
  EXDEV: 'la carpeta está en otro disco',
  EAGAIN: 'el recurso no está disponible por ahora (vuelva a intentarlo)',
  EINVAL: 'la ruta no es válida',
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** «el disco está lleno (libere espacio o use otro disco) [ENOSPC]»: a phrase to follow a colon. */
export function fsCause(error: unknown): string {
  const code = errorCode(error);
  if (code && CAUSES[code]) return `${CAUSES[code]} [${code}]`;
  return code ? `error del sistema [${code}]` : 'error del sistema';
}
