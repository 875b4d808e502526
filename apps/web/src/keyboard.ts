/** Whether a key press goes to a text field (the page's own shortcuts then stay out of the way). */
export const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
