import pandas as pd
import plotly.express as px
import plotly.graph_objs as go


def compare_passenger_capacity_exp(preprocessed_shuttles: pd.DataFrame) -> pd.DataFrame:
    return preprocessed_shuttles.groupby(["shuttle_type"]).mean(numeric_only=True).reset_index()


def compare_passenger_capacity_go(preprocessed_shuttles: pd.DataFrame) -> go.Figure:
    data_frame = preprocessed_shuttles.groupby(["shuttle_type"]).mean(numeric_only=True).reset_index()
    return go.Figure(data=[go.Bar(x=data_frame["shuttle_type"], y=data_frame["passenger_capacity"])])


def create_confusion_matrix(companies: pd.DataFrame) -> go.Figure:
    return px.imshow(companies.corr(numeric_only=True))
