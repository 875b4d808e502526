/** Injection token of the API's ExportSigner (null when EXPORT_SIGNING_KEY is unset: exports answer 503). */
export const EXPORT_SIGNER = Symbol('EXPORT_SIGNER');
