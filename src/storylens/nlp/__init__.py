"""NLP stage: sentences, NER mentions and sentence embeddings, with models loaded once per process."""

from storylens.nlp.annotate import annotate
from storylens.nlp.both import annotate_and_embed
from storylens.nlp.embed import embed
from storylens.nlp.models import sentence_encoder, spacy_pipeline

__all__ = ["annotate", "annotate_and_embed", "embed", "sentence_encoder", "spacy_pipeline"]
