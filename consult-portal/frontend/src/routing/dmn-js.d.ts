// dmn-js ships JavaScript without type declarations: the few parts the routing editor uses.
declare module 'dmn-js-shared/lib/base/EditingManager' {
  export interface DmnView { type: string; element: { id: string; name?: string } }
  export default class EditingManager {
    constructor(options: { container?: HTMLElement; common?: Record<string, unknown>; [view: string]: unknown })
    importXML(xml: string): Promise<{ warnings: unknown[] }>
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>
    getActiveViewer(): { get<T = unknown>(service: string): T } | undefined
    getViews(): DmnView[]
    getActiveView(): DmnView | undefined
    open(view: DmnView): Promise<unknown>
    on(event: string, callback: (event: unknown) => void): void
    destroy(): void
    protected _getViewProviders(): unknown[]
  }
}
declare module 'dmn-js-decision-table/lib/Editor' {
  const Editor: new (...args: unknown[]) => unknown
  export default Editor
}
declare module 'dmn-js-shared/lib/util/ModelUtil' {
  export function is(element: unknown, type: string): boolean
}
