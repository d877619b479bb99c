# The example API's messages of `base` in English.

ParamInvalidError = Invalid parameter
RecordNotExistError = Record does not exist
