/* SWIG declarations for custom indices from files (egdi.Index): the iMeta reader with
 * default methods and notes, and a result as a table with ranks. index.h and compute.h
 * themselves are %included by egdi.i; these helpers give Python one call each. */

%nothread egdi_py_read_imeta;

%{
static const char *egdi_py_get_note(const void *notes, size_t i)
{
    return egdi_imeta_note((const egdi_imeta_notes *)notes, i);
}
%}

%inline %{
/** Read an iMeta file (egdi_index_read_imeta) with default methods ("minmax lo=0 hi=100";
 *  None = none), the Denominator column applied if denominate is 1, and a default
 *  outlier treatment ("winsorise winmax=5"; None = none): returns (index, notes), the
 *  notes a list of str. */
PyObject *egdi_py_read_imeta(const char *path, const char *normalisation,
                             const char *aggregation, int denominate, const char *treatment)
{
    egdi_imeta_options o = EGDI_IMETA_OPTIONS_INIT;
    o.normalisation = normalisation;
    o.aggregation = aggregation;
    o.denominate = denominate;
    o.treatment = treatment;
    egdi_index *idx = NULL;
    egdi_imeta_notes *notes = NULL;
    egdi_status st;
    if (!path)
        return egdi_py_fail(egdi_set_error(EGDI_ERR_INVALID_ARG, "read_imeta: path is None"));
    Py_BEGIN_ALLOW_THREADS
    st = egdi_index_read_imeta(path, &o, &idx, &notes);
    Py_END_ALLOW_THREADS
    if (st != EGDI_OK)
        return egdi_py_fail(st);
    PyObject *list = egdi_py_str_list(egdi_imeta_notes_count(notes), egdi_py_get_note, notes);
    egdi_imeta_notes_free(notes);
    PyObject *handle = list ? SWIG_NewPointerObj(SWIG_as_voidptr(idx), SWIGTYPE_p_egdi_index,
                                                 SWIG_POINTER_OWN)
                            : NULL;
    if (!handle) {
        if (!list)
            egdi_index_free(idx);
        Py_XDECREF(list);
        return NULL;
    }
    PyObject *pair = PyTuple_Pack(2, handle, list);
    Py_DECREF(handle);
    Py_DECREF(list);
    return pair;
}

/** The scores (and with ranks their competition ranks, "NODE_rank", ranked on
 *  rank_decimals decimals, -1 = as they are; with raw the values before
 *  normalisation, "NODE_raw") of every node: egdi_result_to_dataset() without the
 *  imputation flags and labels, which Python takes from the result and the frame. */
egdi_status egdi_py_result_table(const egdi_result *res, const egdi_dataset *data, int ranks,
                                 int rank_decimals, int raw, egdi_dataset **out)
{
    egdi_result_table_options o = EGDI_RESULT_TABLE_OPTIONS_INIT;
    o.ranks = ranks;
    o.rank_decimals = rank_decimals;
    o.raw = raw;
    o.imputed = 0;
    o.labels = 0;
    return egdi_result_to_dataset(res, data, &o, out);
}
%}
