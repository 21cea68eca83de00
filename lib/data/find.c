/* Finding a country as a person names it: by code or name, ignoring ASCII case,
 * or through a country table (ISO code <-> Data Center name). One place for the
 * rule that the tool and the Python package both use. */
#include <string.h>

#include "data/data.h"

/* The unit named `text` in ds: exact code, exact name (hashed), then a unique
 * match of code or name ignoring ASCII case (one pass). EGDI_ERR_NOT_FOUND
 * without a message, EGDI_ERR_DUPLICATE with one. */
static egdi_status find_text(const egdi_dataset *ds, const char *text, size_t *out)
{
    if (egdi__strmap_get(&ds->code_map, text, out) || egdi__strmap_get(&ds->name_map, text, out))
        return EGDI_OK;
    size_t found = (size_t)-1;
    for (size_t i = 0; i < ds->n_units; i++) {
        if (!egdi__same_ascii(ds->codes[i], text) && !egdi__same_ascii(ds->names[i], text))
            continue;
        if (found != (size_t)-1)
            return egdi__fail(EGDI_ERR_DUPLICATE, "'%s' names more than one unit ('%s' and "
                              "'%s'); give the exact code", text, ds->codes[found], ds->codes[i]);
        found = i;
    }
    if (found == (size_t)-1)
        return EGDI_ERR_NOT_FOUND;
    *out = found;
    return EGDI_OK;
}

egdi_status egdi_dataset_find_country(const egdi_dataset *ds, const char *text,
                                      const egdi_dataset *table, size_t *out)
{
    EGDI_CHECK_ARG(ds && text && out, "ds/text/out");
    egdi_status st = find_text(ds, text, out);
    if (st != EGDI_ERR_NOT_FOUND)
        return st;
    size_t t;
    if (table && (st = find_text(table, text, &t)) != EGDI_ERR_NOT_FOUND) {
        if (st != EGDI_OK)
            return st;
        st = find_text(ds, table->codes[t], out);
        if (st == EGDI_ERR_NOT_FOUND)
            st = find_text(ds, table->names[t], out);
        if (st != EGDI_ERR_NOT_FOUND)
            return st;
        return egdi__fail(EGDI_ERR_NOT_FOUND, "no country '%s' (%s, %s) in the data", text,
                          table->codes[t], table->names[t]);
    }
    return egdi__fail(EGDI_ERR_NOT_FOUND, "no country '%s' in the data (give its code or name "
                      "as the data writes it%s)", text,
                      table ? ", or an ISO 3166 alpha-3 code or name of the country table" : "");
}
