/* What changed in the Survey's method between two editions: weights, indicator
 * sets, the TII cap, z-scores, rating classes, rank precision. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "survey/survey.h"

/* ---- methodology changes ---- */

static const char *const change_names[EGDI_N_CHANGES] = {
    "weights", "tii_indicators", "tii_cap", "zscores", "rating_classes", "hci_indicators",
    "rank_precision"};

const char *egdi_panel_change_name(unsigned flag)
{
    for (unsigned k = 0; k < EGDI_N_CHANGES; k++)
        if (flag == 1u << k)
            return change_names[k];
    return NULL;
}

/* 1 if indicator `code` is among the edition's indicators of `component`. */
static int has_indicator(int edition, const char *component, const char *code)
{
    const char *c;
    for (size_t i = 0; (c = egdi_survey_indicator(edition, component, i)) != NULL; i++)
        if (strcmp(c, code) == 0)
            return 1;
    return 0;
}

/* 1 if edition b lacks an indicator of edition a (of `component`). */
static int lacks_some(int a, int b, const char *component)
{
    const char *c;
    for (size_t i = 0; (c = egdi_survey_indicator(a, component, i)) != NULL; i++)
        if (!has_indicator(b, component, c))
            return 1;
    return 0;
}

static egdi_status both_infos(int a, int b, egdi_edition_info *ea, egdi_edition_info *eb)
{
    ea->version = eb->version = EGDI_EDITION_INFO_VERSION;
    egdi_status st = egdi_survey_edition_info(a, ea);
    return st != EGDI_OK ? st : egdi_survey_edition_info(b, eb);
}

egdi_status egdi_panel_changes(int a, int b, unsigned *flags)
{
    EGDI_CHECK_ARG(flags, "flags");
    egdi_edition_info ea, eb;
    egdi_status st = both_infos(a, b, &ea, &eb);
    if (st != EGDI_OK)
        return st;
    unsigned f = 0;
    if (ea.weight_osi != eb.weight_osi || ea.weight_tii != eb.weight_tii ||
        ea.weight_hci != eb.weight_hci)
        f |= EGDI_CHANGE_WEIGHTS;
    if (lacks_some(a, b, "tii") || lacks_some(b, a, "tii"))
        f |= EGDI_CHANGE_TII_INDICATORS;
    if (isnan(ea.tii_cap) != isnan(eb.tii_cap) ||
        (!isnan(ea.tii_cap) && ea.tii_cap != eb.tii_cap))
        f |= EGDI_CHANGE_TII_CAP;
    if (ea.zscore_composites != eb.zscore_composites)
        f |= EGDI_CHANGE_ZSCORES;
    if (ea.has_rating_classes != eb.has_rating_classes)
        f |= EGDI_CHANGE_RATING_CLASSES;
    if (lacks_some(a, b, "hci") || lacks_some(b, a, "hci"))
        f |= EGDI_CHANGE_HCI_INDICATORS;
    if (ea.rank_decimals != eb.rank_decimals)
        f |= EGDI_CHANGE_RANK_PRECISION;
    *flags = f;
    return EGDI_OK;
}

/* snprintf-style appender: keeps counting past the end of the buffer. */
typedef struct text_out {
    char *buf;
    size_t size, len;
} text_out;

static void put(text_out *t, const char *fmt, ...) EGDI_PRINTF(2, 3);
static void put(text_out *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = t->len < t->size ? t->size - t->len : 0;
    int k = vsnprintf(room ? t->buf + t->len : NULL, room, fmt, ap);
    va_end(ap);
    if (k > 0)
        t->len += (size_t)k;
}

static void put_weights(text_out *t, const egdi_edition_info *e)
{
    double third = 1.0 / 3;
    if (e->weight_osi == third && e->weight_tii == third && e->weight_hci == third)
        put(t, "1/3 each in %d", e->edition);
    else
        put(t, "%.2f/%.2f/%.2f in %d", e->weight_osi, e->weight_tii, e->weight_hci, e->edition);
}

/* "-dropped +added" between the indicator sets of a and b. */
static void put_indicator_diff(text_out *t, int a, int b, const char *component)
{
    const char *c;
    for (size_t i = 0; (c = egdi_survey_indicator(a, component, i)) != NULL; i++)
        if (!has_indicator(b, component, c))
            put(t, " -%s", c);
    for (size_t i = 0; (c = egdi_survey_indicator(b, component, i)) != NULL; i++)
        if (!has_indicator(a, component, c))
            put(t, " +%s", c);
}

/* "in 2020, not in 2018" for a feature that one of the two editions has. */
static void put_which(text_out *t, int a_has, int a, int b)
{
    put(t, " in %d, not in %d", a_has ? a : b, a_has ? b : a);
}

static void put_precision(text_out *t, const egdi_edition_info *e)
{
    /* 10 decimals stand for the unrounded values of 2020 */
    if (e->rank_decimals >= 10)
        put(t, "unrounded values in %d", e->edition);
    else
        put(t, "%d decimals in %d", e->rank_decimals, e->edition);
}

egdi_status egdi_panel_changes_text(int a, int b, char *buf, size_t size, size_t *len)
{
    EGDI_CHECK_ARG(buf || size == 0, "buf");
    unsigned f;
    egdi_edition_info ea, eb;
    egdi_status st = egdi_panel_changes(a, b, &f);
    if (st == EGDI_OK)
        st = both_infos(a, b, &ea, &eb);
    if (st != EGDI_OK)
        return st;
    text_out t = {buf, size, 0};
    if (size)
        buf[0] = '\0';
    for (unsigned k = 0; k < EGDI_N_CHANGES; k++) {
        if (!(f & (1u << k)))
            continue;
        if (t.len)
            put(&t, "; ");
        switch (1u << k) {
        case EGDI_CHANGE_WEIGHTS:
            put(&t, "EGDI weights OSI/TII/HCI ");
            put_weights(&t, &ea);
            put(&t, ", ");
            put_weights(&t, &eb);
            break;
        case EGDI_CHANGE_TII_INDICATORS:
            put(&t, "TII indicators %d -> %d:", a, b);
            put_indicator_diff(&t, a, b, "tii");
            break;
        case EGDI_CHANGE_TII_CAP:
            if (!isnan(ea.tii_cap) && !isnan(eb.tii_cap))
                put(&t, "TII indicators capped at %g in %d, at %g in %d", ea.tii_cap, a,
                    eb.tii_cap, b);
            else {
                put(&t, "TII indicators capped at %g per 100 inhabitants",
                    isnan(ea.tii_cap) ? eb.tii_cap : ea.tii_cap);
                put_which(&t, !isnan(ea.tii_cap), a, b);
            }
            break;
        case EGDI_CHANGE_ZSCORES:
            put(&t, "TII and HCI as min-max rescaled means of z-scores");
            put_which(&t, ea.zscore_composites, a, b);
            break;
        case EGDI_CHANGE_RATING_CLASSES:
            put(&t, "rating classes (quartiles within each EGDI group)");
            put_which(&t, ea.has_rating_classes, a, b);
            break;
        case EGDI_CHANGE_HCI_INDICATORS:
            put(&t, "HCI indicators %d -> %d:", a, b);
            put_indicator_diff(&t, a, b, "hci");
            break;
        default: /* EGDI_CHANGE_RANK_PRECISION */
            put(&t, "ranks on ");
            put_precision(&t, &ea);
            put(&t, ", on ");
            put_precision(&t, &eb);
            break;
        }
    }
    if (len)
        *len = t.len;
    return EGDI_OK;
}

/* "weights;tii_cap" for the changes between a and b; "" if none or unknown. */
void egdi__change_label(int a, int b, char *buf, size_t size)
{
    unsigned f = 0;
    text_out t = {buf, size, 0};
    buf[0] = '\0';
    if (egdi_panel_changes(a, b, &f) != EGDI_OK)
        egdi_clear_error(); /* not a built-in edition: nothing known */
    for (unsigned k = 0; k < EGDI_N_CHANGES; k++)
        if (f & (1u << k))
            put(&t, "%s%s", t.len ? ";" : "", change_names[k]);
}
