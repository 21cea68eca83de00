/* COINr compatibility of the iMeta reader (imeta.c): the notes list that
 * tells the caller what was ignored or assumed, the reader options, the
 * default methods put on the rows that name none, and the notes on the
 * columns and row types of a COINr file that the engine does not use. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "methods/treat.h"

typedef egdi__imeta_row row; /* io.h */

/* ---- notes: what was ignored or assumed, for the caller to show ---- */
struct egdi_imeta_notes {
    char **text;
    size_t n, cap;
};

void egdi_imeta_notes_free(egdi_imeta_notes *nt)
{
    if (!nt)
        return;
    for (size_t i = 0; i < nt->n; i++)
        free(nt->text[i]);
    free(nt->text);
    free(nt);
}

size_t egdi_imeta_notes_count(const egdi_imeta_notes *nt) { return nt ? nt->n : 0; }

const char *egdi_imeta_note(const egdi_imeta_notes *nt, size_t i)
{
    return nt && i < nt->n ? nt->text[i] : NULL;
}

egdi_imeta_notes *egdi__imeta_notes_new(void) { return calloc(1, sizeof(egdi_imeta_notes)); }

egdi_status egdi__imeta_note(egdi_imeta_notes *nt, const char *fmt, ...)
{
    if (!nt)
        return EGDI_OK;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *t = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (t && nt->n == nt->cap) {
        size_t cap = nt->cap ? 2 * nt->cap : 8;
        char **g = egdi__reallocarray(nt->text, cap, sizeof *g);
        if (g) {
            nt->text = g;
            nt->cap = cap;
        }
    }
    if (!t || nt->n == nt->cap) {
        free(t);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    va_start(ap, fmt);
    vsnprintf(t, (size_t)len + 1, fmt, ap);
    va_end(ap);
    nt->text[nt->n++] = t;
    return EGDI_OK;
}

static const egdi_imeta_options imeta_defaults = EGDI_IMETA_OPTIONS_INIT;
static const size_t imeta_sizes[] = {
    0, offsetof(egdi_imeta_options, aggregation) + sizeof(const char *),
    offsetof(egdi_imeta_options, treatment) + sizeof(const char *)};
#define N_IMETA_VERSIONS (sizeof imeta_sizes / sizeof *imeta_sizes)

egdi_status egdi_imeta_options_init_version(egdi_imeta_options *opts, unsigned version)
{
    EGDI_CHECK_ARG(opts, "opts");
    return egdi__versioned_init(opts, &imeta_defaults, imeta_sizes, N_IMETA_VERSIONS, version,
                                "egdi_imeta_options");
}

egdi_status egdi__imeta_options_read(egdi_imeta_options *o, const egdi_imeta_options *opts)
{
    return egdi__versioned_read(o, &imeta_defaults, opts, imeta_sizes, N_IMETA_VERSIONS,
                                "egdi_imeta_options");
}

/* A default method "name [params]" of the options, checked against the
 * registry's step (treat = 0) or the outlier treatments (treat = 1). */
static egdi_status parse_default(const char *text, egdi_step step, int treat, const char *what,
                                 egdi__imeta_default *d)
{
    memset(d, 0, sizeof *d);
    if (!text)
        return EGDI_OK;
    while (*text == ' ' || *text == '\t')
        text++;
    size_t len = strcspn(text, " \t");
    char buf[256];
    const char *names = treat ? egdi__treat_names() : egdi__method_names(step, buf, sizeof buf);
    if (len == 0 || len >= sizeof d->name)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "default %s '%s': give a method name (%s), "
                          "then its parameters", what, text, names);
    memcpy(d->name, text, len);
    d->params = text + len + strspn(text + len, " \t");
    const egdi__method *m = treat ? egdi__treat_by_name(d->name)
                                  : egdi__method_by_name(step, d->name);
    if (!m)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "default %s '%s': unknown method '%s' (%s)",
                          what, text, d->name, names);
    double p[EGDI__MAX_PARAMS];
    if (egdi__method_params_text(m, d->params, "(default)", p) != EGDI_OK) {
        char why[512];
        snprintf(why, sizeof why, "%s", egdi_last_error());
        return egdi__fail(EGDI_ERR_INVALID_ARG, "default %s '%s': %s", what, text, why);
    }
    d->given = 1;
    return EGDI_OK;
}

void egdi__imeta_list_add(char *buf, size_t size, const char *text)
{
    size_t have = strlen(buf);
    if (have + strlen(text) + 8 < size)
        snprintf(buf + have, size - have, "%s%s", have ? ", " : "", text);
    else if (have + 5 < size && (have < 3 || strcmp(buf + have - 3, "...") != 0))
        snprintf(buf + have, size - have, "%s...", have ? ", " : "");
}

egdi_status egdi__imeta_note_columns(const egdi__csv *csv, egdi_imeta_notes *nt)
{
    char list[512] = "";
    for (size_t j = 0; j < csv->n_cols; j++) {
        const char *h = egdi__csv_cell(csv, 0, j);
        int known = 0;
        for (int k = 0; k < EGDI__IMETA_N_COLS && !known; k++)
            known = strcmp(h, egdi__imeta_cols[k]) == 0;
        for (int k = 0; k < EGDI__IMETA_N_EXTRA && !known; k++)
            known = strcmp(h, egdi__imeta_extra_cols[k]) == 0;
        if (!known)
            egdi__imeta_list_add(list, sizeof list, *h ? h : "(unnamed)");
    }
    if (!*list)
        return EGDI_OK;
    return egdi__imeta_note(nt, "line %zu: column%s %s ignored: not used by libegdi",
                            csv->line[0], strchr(list, ',') ? "s" : "", list);
}

egdi_status egdi__imeta_note_skipped(const egdi__imeta_skipped *sk, egdi_imeta_notes *nt)
{
    static const char *const why[3] = {
        "group columns of the data, not nodes (a group imputation names one in ImputeGroup)",
        "denominator columns of the data, not nodes", "not nodes of the index"};
    egdi_status st = EGDI_OK;
    for (int k = 0; k < 3 && st == EGDI_OK; k++)
        if (sk->count[k])
            st = egdi__imeta_note(nt, "%zu row%s of Type %s ignored (%s): %s", sk->count[k],
                                  sk->count[k] > 1 ? "s" : "", egdi__imeta_skipped_types[k],
                                  sk->list[k], why[k]);
    return st;
}

egdi_status egdi__imeta_apply_defaults(row *rows, size_t n, const egdi_imeta_options *o,
                                       int has_norm, egdi__imeta_default *dn,
                                       egdi__imeta_default *da, egdi_imeta_notes *nt)
{
    egdi_status st = parse_default(o->normalisation, EGDI_STEP_NORMALISE, 0, "normalisation", dn);
    if (st == EGDI_OK)
        st = parse_default(o->aggregation, EGDI_STEP_AGGREGATE, 0, "aggregation", da);
    size_t n_norm = 0, n_agg = 0, n_ind = 0;
    for (size_t i = 0; i < n && st == EGDI_OK; i++) {
        row *w = &rows[i];
        n_ind += (size_t)w->is_indicator;
        egdi_step s = w->is_indicator ? EGDI_STEP_NORMALISE : EGDI_STEP_AGGREGATE;
        const egdi__imeta_default *d = w->is_indicator ? dn : da;
        if (!d->given || *w->method[s] || *w->params[s])
            continue;
        w->method[s] = d->name;
        w->params[s] = d->params;
        *(w->is_indicator ? &n_norm : &n_agg) += 1;
    }
    if (st == EGDI_OK && n_norm)
        st = egdi__imeta_note(nt, "%zu indicator%s without a Normalisation: %s%s%s (the default "
                              "given)", n_norm, n_norm > 1 ? "s" : "", dn->name,
                              *dn->params ? " " : "", dn->params);
    if (st == EGDI_OK && n_agg)
        st = egdi__imeta_note(nt, "%zu aggregate%s without an Aggregation: %s%s%s (the default "
                              "given)", n_agg, n_agg > 1 ? "s" : "", da->name,
                              *da->params ? " " : "", da->params);
    if (st == EGDI_OK && !has_norm && !dn->given && n_ind)
        st = egdi__imeta_note(nt, "no Normalisation column: the indicators are not normalised "
                              "(COINr normalises with minmax lo=0 hi=100 unless told otherwise; "
                              "give a default normalisation to do the same)");
    return st;
}

egdi_status egdi__imeta_treat_and_denominate(row *rows, size_t n, const egdi_imeta_options *o,
                                             egdi__imeta_default *dt, egdi_imeta_notes *nt)
{
    egdi_status st = parse_default(o->treatment, EGDI_STEP_NORMALISE, 1, "treatment", dt);
    if (st != EGDI_OK)
        return st;
    size_t n_treat = 0, n_den = 0;
    char list[256] = "";
    for (size_t i = 0; i < n; i++) {
        row *w = &rows[i];
        if (!w->is_indicator)
            continue;
        if (dt->given && !*w->treatment && !*w->treat_params) {
            w->treatment = dt->name;
            w->treat_params = dt->params;
            n_treat++;
        }
        if (*w->denominator) {
            char item[160];
            snprintf(item, sizeof item, "%s / %s", w->code, w->denominator);
            egdi__imeta_list_add(list, sizeof list, item);
            n_den++;
            if (!o->denominate)
                w->denominator = "";
        }
    }
    if (n_treat)
        st = egdi__imeta_note(nt, "%zu indicator%s without a Treatment: %s%s%s (the default "
                              "given)", n_treat, n_treat > 1 ? "s" : "", dt->name,
                              *dt->params ? " " : "", dt->params);
    if (st == EGDI_OK && n_den)
        st = egdi__imeta_note(nt, o->denominate
                                  ? "%zu indicator%s divided by the Denominator column: %s"
                                  : "column Denominator not applied (%zu indicator%s one: "
                                    "%s); COINr divides only when asked: read with denominate "
                                    "(egdi index compute --denominate)",
                              n_den, o->denominate ? (n_den > 1 ? "s" : "")
                                                   : (n_den > 1 ? "s name" : " names"), list);
    return st;
}
