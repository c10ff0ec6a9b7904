import requests

API_KEY = "q8Vn2Lk5Xw9Tz3Rb7Mc1Hd4Fs6"


def fetch(path):
    return requests.get(path, headers={"X-Api-Key": API_KEY})
