/** Excel's rules for sheet names; breaking them makes Excel refuse or "repair" the file. */
export function assertValidSheetName(name: string): void {
  const why = sheetNameProblem(name);
  if (why) throw new RangeError(`Nombre de hoja inválido «${name}»: ${why}.`);
}

export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'está vacío';
  if (name.length > 31) return 'tiene más de 31 caracteres';
  if (/[[\]:*?/\\]/.test(name)) return 'contiene alguno de los caracteres [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'empieza o termina con apóstrofo';
  if (name.toLowerCase() === 'history') return '«History» está reservado por Excel';
  return undefined;
}

export function assertUniqueSheetNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key)) throw new RangeError(`Nombre de hoja repetido «${n}».`);
    seen.add(key);
  }
}

/** `'Reporte POI'!N14`: always quoted, apostrophes doubled. */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
