// The device UDIs: `UDI: PID:..,SN:..` and the `HA UDI List:` of `show license
// udi` and of the `Product Information` block, and the slot table of older
// releases (`SlotID PID SN UDI`, tab separated).

import type { Udi } from '../../model/facts.js';
import type { ParseContext } from '../common/context.js';
import { IndexedPaths } from '../common/indexed-paths.js';
import type { Line } from '../common/lines.js';
import { parseRoleUdi, parseUdi } from '../common/udi.js';

export interface UdiRecord {
  /** The `UDI:` line, without a role; null when not printed. */
  udi: Udi | null;
  /**
   * The HA UDI list with roles when printed (a UDI listed twice on a
   * dual-supervisor chassis stays twice), otherwise the `UDI:` line or the
   * slot table rows with a null role.
   */
  udis: Udi[];
}

const SLOT_TABLE_HEADER = /^SlotID\s+PID\s+SN\s+UDI$/;
const SLOT_TABLE_RULE = /^-{10,}$/;
// `*	 ASR1006               NWG1512050G     ASR1006:NWG1512050G`
const SLOT_TABLE_ROW = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+:\S+)$/;

const UDIS_PATHS = new IndexedPaths('udis');

/**
 * Reads UDIs from the lines of `show license udi` or of a `Product Information`
 * block. Only these lines are searched, so a peer `UDI: P:..,S:..` nested under
 * License Usage or Application HA Info is never taken for the device's UDI.
 */
export function parseProductInformation(lines: readonly Line[], context: ParseContext): UdiRecord {
  const record: UdiRecord = { udi: null, udis: [] };
  const haList: Udi[] = [];
  const slotRows: Udi[] = [];
  let inSlotTable = false;

  for (const line of lines) {
    if (line.trimmed.startsWith('SlotID') && SLOT_TABLE_HEADER.test(line.trimmed.replace(/\t/g, ' '))) {
      inSlotTable = true;
      context.read('udis', line);
      continue;
    }

    if (line.trimmed.startsWith('-') && SLOT_TABLE_RULE.test(line.trimmed)) {
      context.use(line);
      continue;
    }

    if (inSlotTable) {
      const row = SLOT_TABLE_ROW.exec(line.trimmed);
      if (row !== null) {
        slotRows.push({ role: null, pid: row[2] ?? '', sn: row[3] ?? '' });
        context.read(UDIS_PATHS.at(slotRows.length - 1), line);
      }
      continue;
    }

    // Only `UDI:` and `HA UDI List:` are read as key-value lines here.
    const keyValue = line.trimmed.startsWith('UDI') || line.trimmed.startsWith('HA UDI List') ? line.keyValue : null;
    if (keyValue?.key === 'UDI') {
      const udi = parseUdi(keyValue.value);
      if (udi !== null) {
        record.udi = udi;
        context.read('udi', line);
      }
      continue;
    }

    if (keyValue?.key === 'HA UDI List' && keyValue.value === '') {
      context.read('udis', line);
      continue;
    }

    const roleUdi = parseRoleUdi(line.trimmed);
    if (roleUdi !== null) {
      haList.push(roleUdi);
      context.read(UDIS_PATHS.at(haList.length - 1), line);
    }
  }

  record.udis = chooseUdis(record.udi, haList, slotRows, context);
  return record;
}

function chooseUdis(udi: Udi | null, haList: Udi[], slotRows: Udi[], context: ParseContext): Udi[] {
  if (haList.length > 0) {
    return haList;
  }

  if (slotRows.length > 0) {
    return slotRows;
  }

  if (udi !== null) {
    context.copySource('udi', 'udis');
    context.copySource('udi', 'udis.0');
    return [udi];
  }

  return [];
}
