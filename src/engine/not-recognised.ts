/**
 * The one text for "this is not a sheet the engine reads": the engine's header-not-found
 * observation, the CLI, the web page, the pane and the ribbon all say it with these words,
 * each ending with what to do there. A new layout the engine reads is named here, once.
 */
export const EXPECTED_LAYOUT =
  'el formato del Reporte de seguimiento del POI (encabezado OBJETIVO ESTRATEGICO …, PROG./ EJE., FISICO con sus meses, FINANCIERO) ni el de la exportación del Aplicativo CEPLAN (columna «Actividad Operativa ID» y meses «F(RE) 01»…)';

/** What to do, where the planner chooses the sheet in a list (the pane, the web page). */
export const CHOOSE_THE_SHEET = 'Elija la hoja del reporte o revise que su encabezado no haya sido modificado.';

/** «La hoja «X» no tiene el formato … Elija la hoja …». */
export function sheetNotRecognised(sheet: string, whatToDo: string = CHOOSE_THE_SHEET): string {
  return `La hoja «${sheet}» no tiene ${EXPECTED_LAYOUT}. ${whatToDo}`;
}

/** «En este libro, ninguna hoja tiene el formato … <what to do>». */
export function noSheetRecognised(whatToDo: string = CHOOSE_THE_SHEET): string {
  return `En este libro, ninguna hoja tiene ${EXPECTED_LAYOUT}. ${whatToDo}`;
}
