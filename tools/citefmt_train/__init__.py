"""Training-time code for citefmt's reference tagger: data readers, synthetic generators, trainer.

Kept outside the installed `citefmt` package on purpose: the wheel carries only the trained models
(`citefmt/refparse/tagger/model.crfsuite` and `model_annotated.crfsuite`) and the runtime
features; nothing here is imported at run time. `tools/train_tagger.py` rebuilds the models from
these modules byte for byte.
"""
