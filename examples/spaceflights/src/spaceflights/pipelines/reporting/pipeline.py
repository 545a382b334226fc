from kedro.pipeline import Pipeline, node, pipeline

from .nodes import compare_passenger_capacity_exp, compare_passenger_capacity_go, create_confusion_matrix


def create_pipeline(**kwargs) -> Pipeline:
    return pipeline(
        [
            node(
                func=compare_passenger_capacity_exp,
                inputs="preprocessed_shuttles",
                outputs="shuttle_passenger_capacity_plot",
            ),
            node(
                func=compare_passenger_capacity_go,
                inputs="preprocessed_shuttles",
                outputs="shuttle_passenger_capacity_plot",
            ),
            node(
                func=create_confusion_matrix,
                inputs="companies",
                outputs="dummy_confusion_matrix",
                tags="group:reporting",  # kedrolint: ignore[KL103] -- tag kept for the old Vertex AI plugin
            ),
        ]
    )
