import EditingManager from 'dmn-js-shared/lib/base/EditingManager'
import DecisionTableEditor from 'dmn-js-decision-table/lib/Editor'
import { is } from 'dmn-js-shared/lib/util/ModelUtil'
import 'dmn-js-shared/assets/css/dmn-js-shared.css'
import 'dmn-js-decision-table/assets/css/dmn-js-decision-table.css'
import 'dmn-js-decision-table/assets/css/dmn-js-decision-table-controls.css'
// the font as files, not data: URIs, which the product's Content-Security-Policy (font-src 'self') refuses
import 'dmn-js/dist/assets/dmn-font/css/dmn.css'
import { translations } from './translations'

/**
 * dmn-js with its decision-table editor only: the routing table is one decision table without a
 * diagram, so the DRD, literal-expression and boxed-expression editors (and diagram-js behind them)
 * stay out of the bundle. Its words are Chinese.
 */
export class TableModeler extends EditingManager {
  constructor(container: HTMLElement) {
    super({
      container,
      // per view: dmn-js replaces, not merges, the common options' additionalModules
      decisionTable: { additionalModules: [{ translate: ['value', translate] }] },
    })
  }

  protected _getViewProviders() {
    return [{
      id: 'decisionTable',
      constructor: DecisionTableEditor,
      opens: (element: { decisionLogic?: unknown }) => is(element, 'dmn:Decision') && is(element.decisionLogic, 'dmn:DecisionTable'),
    }]
  }
}

function translate(template: string, replacements: Record<string, string> = {}): string {
  return (translations[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key.trim()] ?? '{' + key + '}')
}
