/** What a destructive action asks before it goes: a title, what will happen, and the two buttons' words. */
export interface Question {
  title: string
  content: string
  confirmText: string
  cancelText: string
}

/** Asks the citizen first (the platform's own dialog); true only when they confirmed. */
export function confirmed(question: Question): Promise<boolean> {
  return new Promise((resolve) => {
    uni.showModal({ ...question, success: (res) => resolve(res.confirm), fail: () => resolve(false) })
  })
}
