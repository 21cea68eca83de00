/* Writing an index definition in the iMeta CSV layout (COINr) that imeta.c
 * reads: a header of the columns libegdi reads, then one row per node in
 * storage order with its level, parent, weight, type, methods and their
 * parameters (a unit parameter as the unit's code when it was given so),
 * caps, min share, and (since 1.4) denominator and outlier treatment
 * (numbers in the C locale). */
#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "methods/treat.h"
#include "model/model.h"

static void write_num(FILE *fp, double v)
{
    char buf[64];
    egdi__format_number(v, -1, buf, sizeof buf);
    fputs(buf, fp);
}

/* Method name and parameters as two cells. A unit code that a CSV cell must
 * quote (a comma, a quote, a line break) quotes the parameters cell. */
static egdi_status write_method(FILE *fp, const egdi__node *n, egdi_step step)
{
    const egdi__method *m = egdi__method_get(step, n->m[step].id);
    const char *unit = step == EGDI_STEP_NORMALISE ? n->norm_unit : NULL;
    fprintf(fp, ",%s,", m->name);
    if (!unit || !strpbrk(unit, ",\"\r\n")) {
        egdi__method_write_params_unit(m, n->m[step].p, unit, fp);
        return EGDI_OK;
    }
    char *quoted = egdi__mallocarray(2, strlen(unit) + 1), *q = quoted;
    if (!quoted)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (const char *c = unit; *c; c++) {
        if (*c == '"')
            *q++ = '"';
        *q++ = *c;
    }
    *q = '\0';
    fputc('"', fp);
    egdi__method_write_params_unit(m, n->m[step].p, quoted, fp);
    fputc('"', fp);
    free(quoted);
    return EGDI_OK;
}

/* Denominator, Treatment, TreatParams: empty for an aggregate; an indicator's
 * treatment is written even when it is "none", as its normalisation is, so
 * that a default treatment given when reading the file does not replace it. */
static void write_extra(FILE *fp, const egdi__node *n)
{
    fputc(',', fp);
    if (!n->is_indicator) {
        fputs(",,", fp);
        return;
    }
    if (n->denominator)
        egdi__csv_write_field(fp, n->denominator, ',');
    const egdi__method *m = egdi__treat_method(n->treat.id);
    fprintf(fp, ",%s,", m->name);
    egdi__method_write_params(m, n->treat.p, fp);
}

egdi_status egdi_index_write_csv(const egdi_index *idx, const char *path)
{
    EGDI_CHECK_ARG(idx && path, "idx/path");
    int *levels = egdi__mallocarray(idx->n_nodes, sizeof *levels);
    if (!levels)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    egdi__index_levels(idx, levels);
    egdi__locale loc;
    egdi_status st = egdi__locale_push(&loc);
    egdi__outfile of;
    if (st == EGDI_OK && (st = egdi__outfile_open(&of, path)) != EGDI_OK)
        egdi__locale_pop(&loc);
    if (st != EGDI_OK) {
        free(levels);
        return st;
    }
    FILE *fp = of.fp;
    for (int k = 0; k < EGDI__IMETA_N_COLS; k++)
        fprintf(fp, "%s%s", k ? "," : "", egdi__imeta_cols[k]);
    for (int k = 0; k < EGDI__IMETA_N_EXTRA; k++)
        fprintf(fp, ",%s", egdi__imeta_extra_cols[k]);
    fputc('\n', fp);
    for (size_t i = 0; i < idx->n_nodes && st == EGDI_OK; i++) {
        const egdi__node *n = &idx->nodes[i];
        egdi__csv_write_field(fp, n->code, ',');
        fputc(',', fp);
        egdi__csv_write_field(fp, n->name, ',');
        fprintf(fp, ",%d,", levels[i]);
        if (n->parent >= 0)
            egdi__csv_write_field(fp, idx->nodes[n->parent].code, ',');
        fprintf(fp, ",%d,", n->direction);
        write_num(fp, n->weight);
        fprintf(fp, ",%s,", n->is_indicator ? "Indicator" : "Aggregate");
        if (n->source)
            egdi__csv_write_field(fp, n->source, ',');
        if ((st = write_method(fp, n, EGDI_STEP_NORMALISE)) != EGDI_OK)
            break;
        fputc(',', fp);
        write_num(fp, n->cap_lo);
        fputc(',', fp);
        write_num(fp, n->cap_hi);
        if (n->is_indicator) { /* no Aggregation, AggParams, MinShare */
            const egdi__method *m = egdi__method_get(EGDI_STEP_IMPUTE, n->m[EGDI_STEP_IMPUTE].id);
            fprintf(fp, ",,,,%s,", m->name);
            if (n->impute_group)
                egdi__csv_write_field(fp, n->impute_group, ',');
        } else { /* no Imputation, ImputeGroup */
            st = write_method(fp, n, EGDI_STEP_AGGREGATE);
            fputc(',', fp);
            write_num(fp, n->min_share);
            fputs(",,", fp);
        }
        write_extra(fp, n);
        fputc('\n', fp);
    }
    if (st == EGDI_OK)
        st = egdi__outfile_commit(&of);
    else
        egdi__outfile_abort(&of);
    egdi__locale_pop(&loc);
    free(levels);
    return st;
}
