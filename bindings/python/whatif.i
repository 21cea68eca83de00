/* (being written): SWIG declarations of <egdi/whatif.h> */
