"""Stories: per-article features and online clustering of a stream of articles into stories."""

from storylens.stories.cluster import OnlineClusterer, Params, cluster_stream
from storylens.stories.features import DocFeatures, extract_features

__all__ = ["DocFeatures", "OnlineClusterer", "Params", "cluster_stream", "extract_features"]
