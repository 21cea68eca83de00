/* SWIG declarations of egdi_compute_by_period() (compute.h, since 1.4): an index on
 * a panel, per period or with its statistics pooled over the periods. The options
 * stay in C: egdi.compute_panel() reaches the function through the wrapper below
 * (options as arguments; SWIG's -threads releases the GIL around it). compute.h
 * itself is declared by egdi.i. */

%inline %{
/** egdi_compute_by_period() with its options as arguments: the period column, pooled
 *  (0 = per period), the unit column (None = not checked), and the table's ranks,
 *  rank_decimals (-1 = as they are) and raw; every node, the imputation flags and the
 *  data's labels. Returns the table (the period, scores, NODE_rank, NODE_raw,
 *  imputed, labels; the rows of data in their order). */
egdi_status egdi_py_compute_by_period(const egdi_index *idx, const egdi_dataset *data,
                                      const char *period_column, int pooled,
                                      const char *unit_column, int ranks, int rank_decimals,
                                      int raw, egdi_dataset **out)
{
    egdi_result_table_options to = EGDI_RESULT_TABLE_OPTIONS_INIT;
    to.ranks = ranks;
    to.rank_decimals = rank_decimals;
    to.raw = raw;
    egdi_compute_by_period_options o = EGDI_COMPUTE_BY_PERIOD_OPTIONS_INIT;
    o.period_column = period_column;
    o.pooled = pooled;
    o.unit_column = unit_column;
    o.table = &to;
    return egdi_compute_by_period(idx, data, &o, out);
}
%}
