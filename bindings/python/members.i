/* (being written): SWIG declarations of <egdi/members.h> */
