/* (being written): SWIG declarations of <egdi/weights.h> */
