/** The largest JSON body the API accepts (two identity photos of up to 450 000 characters each, with room to spare). */
export const JSON_BODY_LIMIT = '4mb';
export const JSON_BODY_LIMIT_TEXT = '4 MB';
