/** The largest JSON body the API accepts (identity photos are data URLs of up to ~1.5 MB each). */
export const JSON_BODY_LIMIT = '4mb';
export const JSON_BODY_LIMIT_TEXT = '4 MB';
