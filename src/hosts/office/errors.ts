import { UserFacingError } from '../../app/contract';

/**
 * Office.js error codes (`OfficeExtension.Error.code`, `Excel.ErrorCodes`) → a Spanish
 * sentence that says what to do. The raw message is for the log only: it is English,
 * technical, and sometimes names internal objects.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode:
    'Excel está editando una celda. Pulse Intro o Esc y vuelva a intentarlo.',
  ItemNotFound:
    'No se encontró la hoja o el rango indicado. Compruebe que la hoja del reporte no se haya renombrado ni eliminado y vuelva a intentarlo.',
  ItemAlreadyExists:
    'Ya existe una hoja con ese nombre. Cámbiele el nombre o elimínela y vuelva a intentarlo.',
  RequestPayloadSizeLimitExceeded:
    'La hoja es demasiado grande para enviarla a Excel de una sola vez. Cierre otros libros y vuelva a intentarlo; si persiste, use la herramienta de línea de comandos (poi-check).',
  ResponsePayloadSizeLimitExceeded:
    'La hoja es demasiado grande para leerla de una sola vez. Elimine filas o columnas vacías sobrantes y vuelva a intentarlo; si persiste, use la herramienta de línea de comandos (poi-check).',
  AccessDenied:
    'Excel no permite modificar el libro: puede estar protegido, ser de solo lectura o estar compartido sin permiso de edición. Desproteja la hoja o guarde una copia editable y vuelva a intentarlo.',
  InsertDeleteConflict:
    'No se pudo insertar ni eliminar celdas porque hay un conflicto en la hoja (por ejemplo, celdas combinadas o una tabla). Revise la hoja y vuelva a intentarlo.',
  InvalidArgument:
    'Excel rechazó una dirección o un valor. Vuelva a intentarlo; si persiste, informe el problema adjuntando el libro.',
  InvalidReference:
    'La referencia a la celda no es válida. Compruebe que la hoja no se haya modificado y vuelva a intentarlo.',
  InvalidOperation:
    'Excel no permitió la operación en este momento. Cierre los cuadros de diálogo abiertos y vuelva a intentarlo.',
  InvalidSelection:
    'La selección actual no es válida para esta operación. Seleccione una sola celda y vuelva a intentarlo.',
  UnsupportedOperation:
    'Esta versión de Excel no admite la operación. Actualice Office o use Excel en la web.',
  ApiNotFound:
    'Esta versión de Excel no admite las funciones que necesita el complemento. Actualice Office o use Excel en la web.',
  NotImplemented:
    'Esta versión de Excel no admite las funciones que necesita el complemento. Actualice Office o use Excel en la web.',
  Conflict:
    'Otra persona o proceso modificó el libro al mismo tiempo. Espere unos segundos y vuelva a intentarlo.',
  ActivityLimitReached:
    'Excel alcanzó su límite de actividad. Espere unos segundos y vuelva a intentarlo.',
  RequestAborted:
    'Excel canceló la operación. Vuelva a intentarlo.',
  ServiceNotAvailable:
    'El servicio de Excel no está disponible en este momento. Espere unos minutos y vuelva a intentarlo.',
  Unauthenticated:
    'Su sesión de Office expiró. Vuelva a iniciar sesión y vuelva a intentarlo.',
  FilteredRangeConflict:
    'La hoja tiene un filtro activo que impide escribir. Quite el filtro y vuelva a intentarlo.',
  MergedRangeConflict:
    'Hay celdas combinadas que impiden escribir en la hoja. Revise las celdas combinadas del reporte y vuelva a intentarlo.',
  GeneralException:
    'Excel no pudo completar la operación. Guarde el libro, ciérrelo, vuelva a abrirlo e inténtelo de nuevo.',
};

const FALLBACK =
  'Ocurrió un error inesperado al trabajar con Excel. Vuelva a intentarlo; si persiste, guarde el libro y reinicie Excel.';

/** The Spanish sentence for an Office.js error code (a generic one when unknown). */
export function spanishMessageFor(code: string | undefined): string {
  return (code !== undefined && MESSAGES[code]) || FALLBACK;
}

/** The `code` of an OfficeExtension.Error, or of anything shaped like it. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** True for the payload-limit errors a smaller request can avoid. */
export function isPayloadLimitError(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

type Logger = (...args: unknown[]) => void;

/**
 * Any failure inside an `Excel.run` → a UserFacingError. A UserFacingError passes through
 * unchanged; anything else is logged with its raw details (never shown to the user).
 */
export function toUserFacingError(error: unknown, log: Logger = console.error): UserFacingError {
  if (error instanceof UserFacingError) return error;
  const code = officeErrorCode(error);
  const raw = error instanceof Error ? error.message : String(error);
  const debugInfo =
    typeof error === 'object' && error !== null && 'debugInfo' in error
      ? (error as { debugInfo: unknown }).debugInfo
      : undefined;
  log('[Semáforo POI] Error de Office.js', { code, message: raw, debugInfo });
  return new UserFacingError(spanishMessageFor(code), code ? `${code}: ${raw}` : raw);
}
