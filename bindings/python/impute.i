/* (being written): SWIG declarations of <egdi/impute.h> */
